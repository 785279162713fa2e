using MeetStream.Client.Lambda;

namespace LambdaPipeline;

// The class-library model, for deployments that must use a handler string on the managed runtime, e.g.
//   Handler: LambdaPipeline::LambdaPipeline.WebhookEntry::HandleAsync   (Runtime: dotnet10, CodeUri: publish/jit)
// Lambda's own runtime creates one instance and calls HandleAsync(Stream) per event; no MEETSTREAM_FUNCTION needed.
// Prefer the executable model in Program.cs: it gets the request id, the real deadline and the trace id.

/// <summary>The webhook function as a class-library handler.</summary>
public sealed class WebhookEntry : LambdaStreamEntryPoint
{
    /// <inheritdoc />
    protected override Task<ILambdaFunction> CreateFunctionAsync(CancellationToken cancellationToken) =>
        MeetStreamPipeline.CreateFunctionAsync(MeetStreamPipeline.WebhookFunctionName, cancellationToken: cancellationToken);
}

/// <summary>The calendar trigger as a class-library handler.</summary>
public sealed class CalendarTriggerEntry : LambdaStreamEntryPoint
{
    /// <inheritdoc />
    protected override Task<ILambdaFunction> CreateFunctionAsync(CancellationToken cancellationToken) =>
        MeetStreamPipeline.CreateFunctionAsync(MeetStreamPipeline.CalendarTriggerFunctionName, cancellationToken: cancellationToken);
}

/// <summary>The transcript function as a class-library handler (give it the function's timeout).</summary>
public sealed class TranscriptEntry : LambdaStreamEntryPoint
{
    /// <inheritdoc />
    protected override TimeSpan InvocationTimeout => TimeSpan.FromSeconds(110);

    /// <inheritdoc />
    protected override Task<ILambdaFunction> CreateFunctionAsync(CancellationToken cancellationToken) =>
        MeetStreamPipeline.CreateFunctionAsync(MeetStreamPipeline.TranscriptFunctionName, cancellationToken: cancellationToken);
}
