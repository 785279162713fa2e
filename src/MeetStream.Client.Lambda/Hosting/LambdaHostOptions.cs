using System.Globalization;
using Microsoft.Extensions.Logging;

namespace MeetStream.Client.Lambda;

/// <summary>Settings of <see cref="LambdaHost"/>; every one has a default that is right on AWS Lambda.</summary>
public sealed class LambdaHostOptions
{
    /// <summary>The environment variable Lambda sets to the Runtime API's <c>host:port</c>.</summary>
    public const string RuntimeApiEnvironmentVariable = "AWS_LAMBDA_RUNTIME_API";

    /// <summary>
    /// Gets or sets the Runtime API address as <c>host:port</c> (or a full <c>http://</c> URL);
    /// <see langword="null"/> reads <c>AWS_LAMBDA_RUNTIME_API</c>.
    /// </summary>
    public string? RuntimeApi { get; set; }

    /// <summary>
    /// Gets or sets how long before the deadline the invocation's <see cref="CancellationToken"/> is cancelled, so the
    /// function can stop cleanly and the host can still report the error. Default 500 ms.
    /// </summary>
    public TimeSpan DeadlineMargin { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Gets or sets how many invocations run at once; <see langword="null"/> reads <c>AWS_LAMBDA_MAX_CONCURRENCY</c>
    /// (Lambda Managed Instances) and otherwise uses 1, as standard Lambda requires.
    /// </summary>
    public int? MaxConcurrency { get; set; }

    /// <summary>
    /// Gets or sets whether the host copies each invocation's trace id into <c>_X_AMZN_TRACE_ID</c> (as the managed
    /// runtime does, for the AWS SDK and X-Ray). Ignored when more than one invocation runs at once. Default true.
    /// </summary>
    public bool SetTraceIdEnvironmentVariable { get; set; } = true;

    /// <summary>
    /// Gets or sets whether the host caps the GC heap at the function's memory (<c>AWS_LAMBDA_FUNCTION_MEMORY_SIZE</c>)
    /// unless a hard limit is already configured, as the managed runtime does. Default true.
    /// </summary>
    public bool ApplyFunctionMemoryLimit { get; set; } = true;

    /// <summary>Gets or sets the clock for deadlines; default the system clock.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// Gets or sets the logger for host events (function errors, Runtime API problems). <see langword="null"/> writes
    /// errors as single lines to standard error, which Lambda sends to CloudWatch.
    /// </summary>
    public ILogger? Logger { get; set; }

    internal Uri ResolveRuntimeApi()
    {
        var value = RuntimeApi ?? Environment.GetEnvironmentVariable(RuntimeApiEnvironmentVariable);
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new LambdaHostException($"No Lambda Runtime API address: {RuntimeApiEnvironmentVariable} is not set. Run the program on AWS Lambda (or the Lambda runtime interface emulator), or set LambdaHostOptions.RuntimeApi.");
        }

        value = value.Trim();
        var text = value.Contains("://", StringComparison.Ordinal) ? value : "http://" + value;
        if (!Uri.TryCreate(text.TrimEnd('/') + "/2018-06-01/", UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new LambdaHostException($"The Lambda Runtime API address '{value}' is not host:port or an http URL.");
        }

        return uri;
    }

    internal int ResolveConcurrency()
    {
        if (MaxConcurrency is { } configured)
        {
            if (configured < 1)
            {
                throw new LambdaHostException($"LambdaHostOptions.MaxConcurrency must be at least 1 (was {configured}).");
            }

            return configured;
        }

        return int.TryParse(Environment.GetEnvironmentVariable("AWS_LAMBDA_MAX_CONCURRENCY"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var fromEnvironment) && fromEnvironment > 1
            ? fromEnvironment
            : 1;
    }
}
