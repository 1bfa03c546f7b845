/**
 * The error that carries an HTTP status to the REST API's answer (Kafka's ConnectRestException:
 * NotFoundException 404, AlreadyExistsException 409, BadRequestException 400), apart from the
 * herder's contract so that what the REST layer uses (signature checks) needs only this.
 */
export class ConnectRestError extends Error {
  override name = 'ConnectRestError';
  readonly status: number;

  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

export const notFound = (message: string) => new ConnectRestError(404, message);
export const badRequest = (message: string) => new ConnectRestError(400, message);
export const conflict = (message: string) => new ConnectRestError(409, message);

