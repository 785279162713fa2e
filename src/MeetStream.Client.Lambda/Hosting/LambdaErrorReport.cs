using System.Text.Json.Serialization;

namespace MeetStream.Client.Lambda.Hosting;

/// <summary>The error document the Runtime API expects on <c>/error</c> and <c>/init/error</c>.</summary>
internal sealed class LambdaErrorReport
{
    [JsonPropertyName("errorMessage")]
    public required string ErrorMessage { get; init; }

    [JsonPropertyName("errorType")]
    public required string ErrorType { get; init; }

    [JsonPropertyName("stackTrace")]
    public IReadOnlyList<string> StackTrace { get; init; } = [];

    /// <summary>Builds a report from an exception (type name, message, stack frames, inner exceptions appended).</summary>
    public static LambdaErrorReport From(Exception exception, string? message = null)
    {
        var frames = new List<string>();
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (!ReferenceEquals(current, exception))
            {
                frames.Add($"--- caused by {current.GetType().FullName}: {current.Message}");
            }

            if (current.StackTrace is { } trace)
            {
                frames.AddRange(trace.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));
            }
        }

        return new LambdaErrorReport
        {
            ErrorMessage = message ?? exception.Message,
            ErrorType = exception.GetType().FullName ?? exception.GetType().Name,
            StackTrace = frames,
        };
    }
}
