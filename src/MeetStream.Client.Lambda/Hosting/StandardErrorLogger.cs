using Microsoft.Extensions.Logging;

namespace MeetStream.Client.Lambda.Hosting;

/// <summary>
/// The host's fallback logger: warnings and errors as one line each on standard error (Lambda forwards it to
/// CloudWatch), the exception's type and message included, the stack trace folded onto the same line (left out for
/// configuration errors, whose message says everything).
/// </summary>
internal sealed class StandardErrorLogger : ILogger
{
    public static readonly StandardErrorLogger Instance = new();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel))
        {
            return;
        }

        var line = $"[{logLevel}] MeetStream.Client.Lambda: {formatter(state, exception)}";
        if (exception is not (LambdaHostException or LambdaSecretException) && exception?.StackTrace is { } trace)
        {
            line += " | " + trace.Replace('\n', ' ').Replace("\r", string.Empty, StringComparison.Ordinal);
        }

        Console.Error.WriteLine(line);
    }
}
