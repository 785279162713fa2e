using System.Globalization;

namespace MeetStream.Client.Lambda;

/// <summary>
/// What Lambda tells a function about one invocation: request id, deadline, trace id and the function's own
/// settings. The host builds one per invocation from the Runtime API headers and the environment.
/// </summary>
public sealed class LambdaContext
{
    private readonly TimeProvider _timeProvider;

    /// <summary>Initializes a context; the host does this for you, tests may build their own.</summary>
    /// <param name="requestId">The invocation's request id (empty in the class-library entry point, where Lambda does not pass it).</param>
    /// <param name="deadline">When Lambda stops the invocation.</param>
    /// <param name="timeProvider">The clock used for <see cref="RemainingTime"/>; <see langword="null"/> for the system clock.</param>
    public LambdaContext(string requestId, DateTimeOffset deadline, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(requestId);
        RequestId = requestId;
        Deadline = deadline;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Gets the request id (<c>Lambda-Runtime-Aws-Request-Id</c>); empty in the class-library entry point.</summary>
    public string RequestId { get; }

    /// <summary>Gets when Lambda stops the invocation (<c>Lambda-Runtime-Deadline-Ms</c>).</summary>
    public DateTimeOffset Deadline { get; }

    /// <summary>Gets the time left until <see cref="Deadline"/> (never negative).</summary>
    public TimeSpan RemainingTime
    {
        get
        {
            var left = Deadline - _timeProvider.GetUtcNow();
            return left < TimeSpan.Zero ? TimeSpan.Zero : left;
        }
    }

    /// <summary>Gets the ARN the caller invoked, with version or alias (<c>Lambda-Runtime-Invoked-Function-Arn</c>).</summary>
    public string? InvokedFunctionArn { get; init; }

    /// <summary>Gets the X-Ray trace header (<c>Lambda-Runtime-Trace-Id</c>, also in <c>_X_AMZN_TRACE_ID</c>).</summary>
    public string? TraceId { get; init; }

    /// <summary>Gets the mobile SDK client context JSON (<c>Lambda-Runtime-Client-Context</c>), if any.</summary>
    public string? ClientContext { get; init; }

    /// <summary>Gets the mobile SDK Cognito identity JSON (<c>Lambda-Runtime-Cognito-Identity</c>), if any.</summary>
    public string? CognitoIdentity { get; init; }

    /// <summary>Gets the function name (<c>AWS_LAMBDA_FUNCTION_NAME</c>).</summary>
    public string? FunctionName { get; init; }

    /// <summary>Gets the function version (<c>AWS_LAMBDA_FUNCTION_VERSION</c>).</summary>
    public string? FunctionVersion { get; init; }

    /// <summary>Gets the configured memory in MB (<c>AWS_LAMBDA_FUNCTION_MEMORY_SIZE</c>).</summary>
    public int? MemoryLimitInMB { get; init; }

    /// <summary>Gets the CloudWatch log group (<c>AWS_LAMBDA_LOG_GROUP_NAME</c>).</summary>
    public string? LogGroupName { get; init; }

    /// <summary>Gets the CloudWatch log stream (<c>AWS_LAMBDA_LOG_STREAM_NAME</c>).</summary>
    public string? LogStreamName { get; init; }

    /// <summary>Gets the handler setting (<c>_HANDLER</c>): the assembly name, a binary name or a custom value.</summary>
    public string? Handler { get; init; }

    /// <summary>Builds a context whose function settings come from the process environment.</summary>
    internal static LambdaContext FromEnvironment(string requestId, DateTimeOffset deadline, TimeProvider timeProvider, string? invokedFunctionArn, string? traceId, string? clientContext, string? cognitoIdentity) =>
        new(requestId, deadline, timeProvider)
        {
            InvokedFunctionArn = invokedFunctionArn,
            TraceId = traceId,
            ClientContext = clientContext,
            CognitoIdentity = cognitoIdentity,
            FunctionName = Environment.GetEnvironmentVariable("AWS_LAMBDA_FUNCTION_NAME"),
            FunctionVersion = Environment.GetEnvironmentVariable("AWS_LAMBDA_FUNCTION_VERSION"),
            MemoryLimitInMB = int.TryParse(Environment.GetEnvironmentVariable("AWS_LAMBDA_FUNCTION_MEMORY_SIZE"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var mb) ? mb : null,
            LogGroupName = Environment.GetEnvironmentVariable("AWS_LAMBDA_LOG_GROUP_NAME"),
            LogStreamName = Environment.GetEnvironmentVariable("AWS_LAMBDA_LOG_STREAM_NAME"),
            Handler = Environment.GetEnvironmentVariable("_HANDLER"),
        };

    /// <inheritdoc />
    public override string ToString() => $"LambdaContext {{ RequestId = {RequestId}, Deadline = {Deadline:O}, FunctionName = {FunctionName} }}";
}
