package dev.sluice.tools;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.apache.kafka.common.utils.Exit;

/**
 * Runs Kafka's command-line tools one after another in one JVM, so that a test calling twenty tool
 * commands pays for one JVM start and a warm JIT instead of twenty cold starts. Each line on stdin
 * is one command: the tool's main class and its arguments, each base64-encoded, separated by
 * spaces. Each answer is one line on the real stdout: "<exit code> <stdout> <stderr>", the two
 * outputs base64-encoded. The tools end with Kafka's Exit.exit, which is made to unwind instead of
 * ending the JVM; the first exit wins and what runs after it (a tool's catch-all handler) is muted,
 * as it would never have run in a JVM of its own.
 */
public final class ToolServer {
    /** Thrown in place of ending the JVM; an Error so that a tool's catch (Exception) lets it pass. */
    static final class ToolExit extends Error {
        ToolExit() {
            super(null, null, false, false);
        }
    }

    /** An output stream whose target changes per command: System.out and System.err are set to
     * these once, so a stream a tool captured at class initialisation still writes to the current
     * command's buffer. */
    static final class Switch extends OutputStream {
        volatile OutputStream target = OutputStream.nullOutputStream();

        @Override
        public void write(int b) throws java.io.IOException {
            target.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws java.io.IOException {
            target.write(b, off, len);
        }
    }

    private static volatile Integer exitCode;

    public static void main(String[] args) throws Exception {
        PrintStream answers = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        Switch out = new Switch();
        Switch err = new Switch();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        Exit.setExitProcedure((code, message) -> exit(code, out, err));
        Exit.setHaltProcedure((code, message) -> exit(code, out, err));

        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        Base64.Decoder decoder = Base64.getDecoder();
        Base64.Encoder encoder = Base64.getEncoder();
        String line;
        while ((line = commands.readLine()) != null) {
            if (line.isBlank()) continue;
            String[] words = line.trim().split(" ");
            String mainClass = new String(decoder.decode(words[0]), StandardCharsets.UTF_8);
            String[] toolArgs = new String[words.length - 1];
            for (int i = 1; i < words.length; i++) toolArgs[i - 1] = new String(decoder.decode(words[i]), StandardCharsets.UTF_8);

            ByteArrayOutputStream stdout = new ByteArrayOutputStream();
            ByteArrayOutputStream stderr = new ByteArrayOutputStream();
            out.target = stdout;
            err.target = stderr;
            exitCode = null;
            int code = run(mainClass, toolArgs, stderr);
            System.out.flush();
            System.err.flush();
            out.target = OutputStream.nullOutputStream();
            err.target = OutputStream.nullOutputStream();
            answers.println(code + " " + encoder.encodeToString(stdout.toByteArray()) + " " + encoder.encodeToString(stderr.toByteArray()));
        }
    }

    private static void exit(int code, Switch out, Switch err) {
        if (exitCode == null) {
            exitCode = code;
            System.out.flush();
            System.err.flush();
            out.target = OutputStream.nullOutputStream();
            err.target = OutputStream.nullOutputStream();
        }
        throw new ToolExit();
    }

    /** The tool's exit code: the first Exit.exit's, else 0 when main returns and 1 when it throws,
     * as the JVM would end. */
    private static int run(String mainClass, String[] args, ByteArrayOutputStream stderr) {
        try {
            Method main = Class.forName(mainClass).getMethod("main", String[].class);
            main.invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (!(cause instanceof ToolExit) && exitCode == null) {
                cause.printStackTrace(new PrintStream(stderr, true, StandardCharsets.UTF_8));
                return 1;
            }
        } catch (ReflectiveOperationException e) {
            e.printStackTrace(new PrintStream(stderr, true, StandardCharsets.UTF_8));
            return 1;
        }
        return exitCode == null ? 0 : exitCode;
    }
}
