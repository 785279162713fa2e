using System.Text.Json.Nodes;

namespace LambdaPipeline;

/// <summary>What happens after the bot is created, as it happens: webhooks answered, stream records, transcript runs.</summary>
internal sealed class LocalStory(string bucket, LocalSessionStream stream, LocalRuntimeApi transcriptApi, CancellationToken cancellationToken)
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _stored = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _delivered;
    private int _processed;
    private int _refused;

    public int Delivered => Volatile.Read(ref _delivered);

    public int Processed => Volatile.Read(ref _processed);

    public int Refused => Volatile.Read(ref _refused);

    public int Other => Delivered - Processed - Refused;

    /// <summary>Completes when the session reached <c>bot.done</c> and its transcript is in S3; fails on a refused delivery or a failed fetch.</summary>
    public Task Finished => Task.WhenAll(_done.Task, _stored.Task);

    public async Task OnWebhookAnsweredAsync(WebhookAnswer answer)
    {
        Interlocked.Increment(ref _delivered);
        var body = answer.Body;
        var eventName = body?["event"]?.GetValue<string>() ?? "(unreadable)";
        var status = body?["status"]?.GetValue<string>() ?? "error";
        var effect = body?["effect"]?.GetValue<string>() is { } e ? $" ({e})" : string.Empty;
        LocalDemo.Line("webhook", $"{eventName} -> {answer.StatusCode} {status}{effect}{(answer.Error is null ? string.Empty : ": " + answer.Error)}");
        if (answer.StatusCode != 200)
        {
            Interlocked.Increment(ref _refused);
            _done.TrySetException(new LocalInvocationException($"The webhook function answered {answer.StatusCode} to {eventName}: {answer.Error ?? body?["error"]?.ToString()}"));
            return;
        }

        if (status == "processed")
        {
            Interlocked.Increment(ref _processed);
        }

        if (eventName == "bot.done")
        {
            _done.TrySetResult();
        }

        if (body?["bot_id"]?.GetValue<string>() is { } botId && await stream.ChangedAsync(botId, cancellationToken) is { } record)
        {
            LocalDemo.Line("stream", $"session {botId}: work_state -> pending; the DynamoDB stream invokes the transcript function");
            _ = FetchTranscriptAsync(record);
        }
    }

    private async Task FetchTranscriptAsync(JsonObject record)
    {
        try
        {
            var result = JsonNode.Parse(await transcriptApi.InvokeAsync(record, cancellationToken))!;
            foreach (var session in result["results"]!.AsArray())
            {
                var outcome = session!["outcome"]!.GetValue<string>();
                LocalDemo.Line("transcript", outcome == "stored"
                    ? $"transcript {session["transcript_id"]} fetched from MeetStream and stored: s3://{bucket}/{session["s3_key"]}"
                    : $"{session["bot_id"]}: {outcome} {session["note"]}");
                if (outcome == "stored")
                {
                    _stored.TrySetResult();
                }
                else
                {
                    _stored.TrySetException(new LocalInvocationException($"The transcript function answered {outcome}: {session["note"]}"));
                }
            }
        }
        catch (Exception ex)
        {
            _stored.TrySetException(ex);
        }
    }
}
