using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using MeetStream.Client.Lambda.Storage;
using static MeetStream.Client.Lambda.Storage.UpdateBuilder;

namespace MeetStream.Client.Lambda;

/// <summary>
/// <see cref="IBotSessionStore"/> on DynamoDB through the low-level client with explicit attribute values (no
/// reflection-based object mapping, so it is Native AOT safe). Every write is one conditional <c>UpdateItem</c>; no
/// transactions are needed.
/// </summary>
/// <remarks>
/// Item layout (snake_case attributes): <c>bot_id</c> (partition key), <c>calendar_event_id</c> (GSI), lifecycle
/// (<c>bot_status</c>, <c>state_rank</c>, <c>last_event</c>, <c>last_event_at</c>, <c>stop_reason</c>, <c>stopped_at</c>),
/// transcript (<c>transcript_id</c>, <c>transcript_state</c>, <c>transcript_rank</c>, <c>transcript_s3_key</c>,
/// <c>transcript_attempts</c>, <c>transcript_note</c>, <c>fetch_lease_until</c>), work index (<c>work_state</c>:
/// awaiting | pending | closed, <c>work_due</c> epoch seconds), <c>created_at</c>, <c>updated_at</c>, <c>version</c> and the
/// TTL attribute <c>expires_at</c> (epoch seconds; enable TTL on it in your template).
/// </remarks>
public sealed class DynamoDbBotSessionStore : IBotSessionStore
{
    private const string Dynamo = "DynamoDB";
    private const int AwaitingRank = 10;
    private const int FailedRank = 15;
    private const int PendingRank = 20;
    private const int FinalTranscriptRank = 30;
    private readonly IAmazonDynamoDB _dynamo;
    private readonly DynamoDbBotSessionStoreOptions _options;

    /// <summary>Initializes the store over a DynamoDB client (build it once per execution environment).</summary>
    /// <param name="dynamoDb">The DynamoDB client.</param>
    /// <param name="options">Table and index names, retention and clock.</param>
    public DynamoDbBotSessionStore(IAmazonDynamoDB dynamoDb, DynamoDbBotSessionStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(dynamoDb);
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.TableName))
        {
            throw new ArgumentException("DynamoDbBotSessionStoreOptions.TableName must name the sessions table.", nameof(options));
        }

        _dynamo = dynamoDb;
        _options = options;
    }

    /// <inheritdoc />
    public async Task<BotSessionRecord?> GetAsync(string botId, CancellationToken cancellationToken = default)
    {
        RequireId(botId, nameof(botId));
        var response = await AwsCall.RunAsync(Dynamo, "GetItem", _options.TableName, () => _dynamo.GetItemAsync(
            new GetItemRequest { TableName = _options.TableName, Key = Key(botId), ConsistentRead = true },
            cancellationToken)).ConfigureAwait(false);
        return response.Item is { Count: > 0 } item ? SessionItem.Read(item) : null;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<BotSessionRecord>> FindByCalendarEventAsync(string calendarEventId, CancellationToken cancellationToken = default)
    {
        RequireId(calendarEventId, nameof(calendarEventId));
        var sessions = new List<BotSessionRecord>();
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var request = new QueryRequest
            {
                TableName = _options.TableName,
                IndexName = _options.CalendarEventIndexName,
                KeyConditionExpression = "#c = :c",
                ExpressionAttributeNames = new Dictionary<string, string> { ["#c"] = SessionItem.CalendarEventId },
                ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":c"] = S(calendarEventId) },
                ExclusiveStartKey = start,
            };
            var response = await AwsCall.RunAsync(Dynamo, "Query", _options.TableName + "/" + _options.CalendarEventIndexName, () => _dynamo.QueryAsync(request, cancellationToken)).ConfigureAwait(false);
            sessions.AddRange((response.Items ?? []).Select(SessionItem.Read));
            start = response.LastEvaluatedKey is { Count: > 0 } next ? next : null;
        }
        while (start is not null);

        return sessions;
    }

    /// <inheritdoc />
    public async Task<BotSessionRecord> RecordScheduledAsync(ScheduledBotSession session, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        RequireId(session.BotId, "session.BotId");
        RequireId(session.CalendarEventId, "session.CalendarEventId");
        var now = Now;
        var update = new UpdateBuilder().Set(SessionItem.CalendarEventId, S(session.CalendarEventId)).Set(SessionItem.UpdatedAt, Time(now));
        SetOptional(update, SessionItem.UserId, session.UserId);
        SetOptional(update, SessionItem.MeetingUrl, session.MeetingUrl);
        SetOptional(update, SessionItem.IdempotencyKey, session.IdempotencyKey);
        if (session.JoinAt is { } joinAt)
        {
            update.Set(SessionItem.JoinAt, Time(joinAt));
        }

        if (session.Status is { } status && status.LifecycleStage is { } stage)
        {
            update.SetIfMissing(SessionItem.BotStatus, S(status.Value)).SetIfMissing(SessionItem.StateRank, N((int)stage));
        }

        if (!string.IsNullOrWhiteSpace(session.TranscriptId))
        {
            update.SetIfMissing(SessionItem.TranscriptId, S(session.TranscriptId));
        }

        var expected = !string.IsNullOrWhiteSpace(session.TranscriptId);
        update.SetIfMissing(SessionItem.CreatedAt, Time(now))
            .SetIfMissing(SessionItem.ExpiresAt, N((now + _options.Retention).ToUnixTimeSeconds()))
            .SetIfMissing(SessionItem.TranscriptState, S(SessionItem.StateName(expected ? TranscriptProgress.Awaiting : TranscriptProgress.NotExpected)))
            .SetIfMissing(SessionItem.TranscriptRank, N(AwaitingRank))
            .SetIfMissing(SessionItem.TranscriptAttempts, N(0))
            .SetIfMissing(SessionItem.WorkState, S(expected ? SessionItem.WorkAwaiting : SessionItem.WorkClosed))
            .SetIfMissing(SessionItem.WorkDue, N(session.FirstCheckAt.ToUnixTimeSeconds()))
            .Add(SessionItem.Version, 1);
        var response = await UpdateAsync(session.BotId, update, condition: null, ReturnValue.ALL_NEW, cancellationToken).ConfigureAwait(false);
        return SessionItem.Read(response!);
    }

    /// <inheritdoc />
    public async Task<SessionUpdate> ApplyStateAsync(string botId, SessionStateChange change, CancellationToken cancellationToken = default)
    {
        RequireId(botId, nameof(botId));
        ArgumentNullException.ThrowIfNull(change);
        if (!Enum.IsDefined(change.Stage))
        {
            throw new ArgumentException($"SessionStateChange.Stage {(int)change.Stage} is not a BotLifecycleStage; use BotStatus.LifecycleStage or BotLifecycle.StageOf.", nameof(change));
        }

        var update = new UpdateBuilder()
            .Set(SessionItem.BotStatus, S(change.Status.Value))
            .Set(SessionItem.StateRank, N((int)change.Stage))
            .Set(SessionItem.LastEvent, S(change.Event))
            .Set(SessionItem.LastEventAt, Time(change.OccurredAt));
        if (change.Stage >= BotLifecycleStage.Stopped)
        {
            update.SetIfMissing(SessionItem.StoppedAt, Time(change.OccurredAt));
        }

        SetOptional(update, SessionItem.StopReason, change.StopReason);
        Track(update, change.OccurredAt + _options.FirstCheckDelay);
        var rank = update.Name(SessionItem.StateRank);
        var condition = $"attribute_not_exists({rank}) OR {rank} < {update.Value("c_rank", N((int)change.Stage))}";
        return await UpdateAsync(botId, update, condition, ReturnValue.NONE, cancellationToken).ConfigureAwait(false) is null ? SessionUpdate.Stale : SessionUpdate.Applied;
    }

    /// <inheritdoc />
    public async Task RecordArtifactAsync(string botId, string artifactEvent, DateTimeOffset occurredAt, CancellationToken cancellationToken = default)
    {
        RequireId(botId, nameof(botId));
        RequireId(artifactEvent, nameof(artifactEvent));
        var attribute = artifactEvent.ToLowerInvariant() switch
        {
            "audio.processed" => "audio_processed_at",
            "video.processed" => "video_processed_at",
            "manifest.completed" => "manifest_completed_at",
            _ => throw new ArgumentException($"'{artifactEvent}' is not an artifact event (audio.processed, video.processed, manifest.completed).", nameof(artifactEvent)),
        };
        var update = new UpdateBuilder().SetIfMissing(attribute, Time(occurredAt));
        Track(update, occurredAt + _options.FirstCheckDelay);
        await UpdateAsync(botId, update, null, ReturnValue.NONE, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<SessionUpdate> MarkTranscriptPendingAsync(string botId, CancellationToken cancellationToken = default)
    {
        RequireId(botId, nameof(botId));
        var now = Now;
        var update = new UpdateBuilder()
            .Set(SessionItem.TranscriptState, S(SessionItem.StateName(TranscriptProgress.Pending)))
            .Set(SessionItem.TranscriptRank, N(PendingRank))
            .Set(SessionItem.WorkState, S(SessionItem.WorkPending))
            .Set(SessionItem.WorkDue, N(now.ToUnixTimeSeconds()))
            .SetIfMissing(SessionItem.TranscriptAttempts, N(0));
        Stamp(update, now);
        var rank = update.Name(SessionItem.TranscriptRank);
        var condition = $"attribute_not_exists({rank}) OR {rank} < {update.Value("c_rank", N(PendingRank))}";
        return await UpdateAsync(botId, update, condition, ReturnValue.NONE, cancellationToken).ConfigureAwait(false) is null ? SessionUpdate.Stale : SessionUpdate.Applied;
    }

    /// <inheritdoc />
    public async Task<SessionUpdate> CloseTranscriptAsync(string botId, TranscriptProgress outcome, string note, CancellationToken cancellationToken = default)
    {
        RequireId(botId, nameof(botId));
        ArgumentNullException.ThrowIfNull(note);
        if (outcome is not (TranscriptProgress.Failed or TranscriptProgress.Flagged))
        {
            throw new ArgumentException($"outcome must be Failed or Flagged (was {outcome}); use MarkTranscriptStoredAsync for stored transcripts.", nameof(outcome));
        }

        var target = outcome == TranscriptProgress.Failed ? FailedRank : FinalTranscriptRank;
        var update = new UpdateBuilder()
            .Set(SessionItem.TranscriptState, S(SessionItem.StateName(outcome)))
            .Set(SessionItem.TranscriptRank, N(target))
            .Set(SessionItem.TranscriptNote, S(note))
            .Set(SessionItem.WorkState, S(SessionItem.WorkClosed))
            .Remove(SessionItem.FetchLeaseUntil);
        Stamp(update, Now);
        var rank = update.Name(SessionItem.TranscriptRank);
        var condition = $"attribute_not_exists({rank}) OR {rank} < {update.Value("c_rank", N(target))}";
        return await UpdateAsync(botId, update, condition, ReturnValue.NONE, cancellationToken).ConfigureAwait(false) is null ? SessionUpdate.Stale : SessionUpdate.Applied;
    }

    /// <inheritdoc />
    public async Task<bool> TryClaimTranscriptFetchAsync(string botId, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        RequireId(botId, nameof(botId));
        if (lease <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(lease), lease, "The fetch lease must be positive.");
        }

        var now = Now;
        var update = new UpdateBuilder()
            .Set(SessionItem.FetchLeaseUntil, N((now + lease).ToUnixTimeMilliseconds()))
            .Set(SessionItem.UpdatedAt, Time(now))
            .Add(SessionItem.Version, 1);
        var rank = update.Name(SessionItem.TranscriptRank);
        var leaseName = update.Name(SessionItem.FetchLeaseUntil);
        var condition = $"attribute_exists({update.Name(SessionItem.BotId)}) AND {rank} < {update.Value("c_rank", N(FinalTranscriptRank))} AND (attribute_not_exists({leaseName}) OR {leaseName} < {update.Value("c_now", N(now.ToUnixTimeMilliseconds()))})";
        return await UpdateAsync(botId, update, condition, ReturnValue.NONE, cancellationToken).ConfigureAwait(false) is not null;
    }

    /// <inheritdoc />
    public async Task<SessionUpdate> MarkTranscriptStoredAsync(string botId, string transcriptId, string s3Key, CancellationToken cancellationToken = default)
    {
        RequireId(botId, nameof(botId));
        RequireId(transcriptId, nameof(transcriptId));
        RequireId(s3Key, nameof(s3Key));
        var now = Now;
        var update = new UpdateBuilder()
            .Set(SessionItem.TranscriptState, S(SessionItem.StateName(TranscriptProgress.Stored)))
            .Set(SessionItem.TranscriptRank, N(FinalTranscriptRank))
            .Set(SessionItem.TranscriptId, S(transcriptId))
            .Set(SessionItem.TranscriptS3Key, S(s3Key))
            .Set(SessionItem.WorkState, S(SessionItem.WorkClosed))
            .Set(SessionItem.UpdatedAt, Time(now))
            .Remove(SessionItem.FetchLeaseUntil)
            .Add(SessionItem.Version, 1);
        var rank = update.Name(SessionItem.TranscriptRank);
        var condition = $"attribute_exists({update.Name(SessionItem.BotId)}) AND {rank} < {update.Value("c_rank", N(FinalTranscriptRank))}";
        return await UpdateAsync(botId, update, condition, ReturnValue.NONE, cancellationToken).ConfigureAwait(false) is null ? SessionUpdate.Stale : SessionUpdate.Applied;
    }

    /// <inheritdoc />
    public async Task<SessionUpdate> RescheduleAsync(string botId, DateTimeOffset due, bool countAttempt, CancellationToken cancellationToken = default)
    {
        RequireId(botId, nameof(botId));
        var update = new UpdateBuilder()
            .Set(SessionItem.WorkDue, N(due.ToUnixTimeSeconds()))
            .Set(SessionItem.UpdatedAt, Time(Now))
            .Remove(SessionItem.FetchLeaseUntil)
            .Add(SessionItem.Version, 1);
        if (countAttempt)
        {
            update.Add(SessionItem.TranscriptAttempts, 1);
        }

        var rank = update.Name(SessionItem.TranscriptRank);
        var condition = $"attribute_exists({update.Name(SessionItem.BotId)}) AND {rank} < {update.Value("c_rank", N(FinalTranscriptRank))}";
        return await UpdateAsync(botId, update, condition, ReturnValue.NONE, cancellationToken).ConfigureAwait(false) is null ? SessionUpdate.Stale : SessionUpdate.Applied;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> ListDueAsync(TranscriptProgress progress, DateTimeOffset dueBy, int limit, CancellationToken cancellationToken = default)
    {
        var workState = progress switch
        {
            TranscriptProgress.Pending => SessionItem.WorkPending,
            TranscriptProgress.Awaiting => SessionItem.WorkAwaiting,
            _ => throw new ArgumentException($"Only Pending and Awaiting sessions have due work (was {progress}).", nameof(progress)),
        };
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var ids = new List<string>();
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var request = new QueryRequest
            {
                TableName = _options.TableName,
                IndexName = _options.WorkIndexName,
                KeyConditionExpression = "#w = :w AND #d <= :d",
                ExpressionAttributeNames = new Dictionary<string, string> { ["#w"] = SessionItem.WorkState, ["#d"] = SessionItem.WorkDue },
                ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":w"] = S(workState), [":d"] = N(dueBy.ToUnixTimeSeconds()) },
                ScanIndexForward = true,
                Limit = limit - ids.Count,
                ExclusiveStartKey = start,
            };
            var response = await AwsCall.RunAsync(Dynamo, "Query", _options.TableName + "/" + _options.WorkIndexName, () => _dynamo.QueryAsync(request, cancellationToken)).ConfigureAwait(false);
            ids.AddRange((response.Items ?? []).Select(i => i.TryGetValue(SessionItem.BotId, out var id) ? id.S : null).Where(id => id is not null).Select(id => id!));
            start = response.LastEvaluatedKey is { Count: > 0 } next ? next : null;
        }
        while (start is not null && ids.Count < limit);

        return ids.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Creates the sessions table with both indexes (on-demand capacity) and waits until it is active; tries to
    /// enable TTL on <c>expires_at</c> and tolerates emulators that cannot. For local development and tests; create
    /// production tables in your infrastructure template.
    /// </summary>
    /// <param name="dynamoDb">The DynamoDB client.</param>
    /// <param name="options">The table and index names.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the table is active.</returns>
    public static async Task CreateTableAsync(IAmazonDynamoDB dynamoDb, DynamoDbBotSessionStoreOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dynamoDb);
        ArgumentNullException.ThrowIfNull(options);
        var request = new CreateTableRequest
        {
            TableName = options.TableName,
            BillingMode = BillingMode.PAY_PER_REQUEST,
            AttributeDefinitions =
            [
                new AttributeDefinition(SessionItem.BotId, ScalarAttributeType.S),
                new AttributeDefinition(SessionItem.CalendarEventId, ScalarAttributeType.S),
                new AttributeDefinition(SessionItem.WorkState, ScalarAttributeType.S),
                new AttributeDefinition(SessionItem.WorkDue, ScalarAttributeType.N),
            ],
            KeySchema = [new KeySchemaElement(SessionItem.BotId, KeyType.HASH)],
            GlobalSecondaryIndexes =
            [
                new GlobalSecondaryIndex
                {
                    IndexName = options.CalendarEventIndexName,
                    KeySchema = [new KeySchemaElement(SessionItem.CalendarEventId, KeyType.HASH)],
                    Projection = new Projection { ProjectionType = ProjectionType.ALL },
                },
                new GlobalSecondaryIndex
                {
                    IndexName = options.WorkIndexName,
                    KeySchema = [new KeySchemaElement(SessionItem.WorkState, KeyType.HASH), new KeySchemaElement(SessionItem.WorkDue, KeyType.RANGE)],
                    Projection = new Projection { ProjectionType = ProjectionType.KEYS_ONLY },
                },
            ],
        };
        await TableSetup.CreateAsync(dynamoDb, request, SessionItem.ExpiresAt, cancellationToken).ConfigureAwait(false);
    }

    private DateTimeOffset Now => _options.TimeProvider.GetUtcNow();

    private static Dictionary<string, AttributeValue> Key(string botId) => new() { [SessionItem.BotId] = S(botId) };

    private async Task<Dictionary<string, AttributeValue>?> UpdateAsync(string botId, UpdateBuilder update, string? condition, ReturnValue returnValues, CancellationToken cancellationToken)
    {
        var request = new UpdateItemRequest
        {
            TableName = _options.TableName,
            Key = Key(botId),
            UpdateExpression = update.Expression,
            ConditionExpression = condition,
            ExpressionAttributeNames = update.Names,
            ExpressionAttributeValues = update.Values,
            ReturnValues = returnValues,
        };
        try
        {
            var response = await AwsCall.RunAsync(Dynamo, "UpdateItem", _options.TableName, () => _dynamo.UpdateItemAsync(request, cancellationToken)).ConfigureAwait(false);
            return response.Attributes ?? [];
        }
        catch (ConditionalCheckFailedException)
        {
            return null;
        }
    }

    /// <summary>Adds what every session write keeps current: created/updated stamps, TTL and the version counter.</summary>
    private void Stamp(UpdateBuilder update, DateTimeOffset now) =>
        update.Set(SessionItem.UpdatedAt, Time(now))
            .SetIfMissing(SessionItem.CreatedAt, Time(now))
            .SetIfMissing(SessionItem.ExpiresAt, N((now + _options.Retention).ToUnixTimeSeconds()))
            .Add(SessionItem.Version, 1);

    /// <summary>Stamps the write and puts a session first seen here into the work index (awaiting its transcript).</summary>
    private void Track(UpdateBuilder update, DateTimeOffset firstCheck)
    {
        Stamp(update, Now);
        update.SetIfMissing(SessionItem.TranscriptState, S(SessionItem.StateName(TranscriptProgress.Awaiting)))
            .SetIfMissing(SessionItem.TranscriptRank, N(AwaitingRank))
            .SetIfMissing(SessionItem.TranscriptAttempts, N(0))
            .SetIfMissing(SessionItem.WorkState, S(SessionItem.WorkAwaiting))
            .SetIfMissing(SessionItem.WorkDue, N(firstCheck.ToUnixTimeSeconds()));
    }

    private static void SetOptional(UpdateBuilder update, string attribute, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            update.Set(attribute, S(value));
        }
    }

    private static void RequireId(string value, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(value, parameterName);
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"{parameterName} must not be empty or white space.", parameterName);
        }
    }
}
