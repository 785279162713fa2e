namespace MeetStream.Client.Testing;

/// <summary>Thrown inside a route handler to answer with an error status and <c>{"message": …}</c>.</summary>
internal sealed class ApiError(int status, string message) : Exception(message)
{
    public int Status { get; } = status;

    public static ApiError BadRequest(string message) => new(400, message);

    public static ApiError NotFound(string message) => new(404, message);

    public static ApiError Conflict(string message) => new(409, message);
}
