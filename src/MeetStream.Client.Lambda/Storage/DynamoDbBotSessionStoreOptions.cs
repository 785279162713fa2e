namespace MeetStream.Client.Lambda;

/// <summary>Settings of <see cref="DynamoDbBotSessionStore"/>; the names must match the table your template creates.</summary>
public sealed class DynamoDbBotSessionStoreOptions
{
    /// <summary>Gets or sets the sessions table (partition key <c>bot_id</c>, string).</summary>
    public required string TableName { get; set; }

    /// <summary>Gets or sets the global secondary index on <c>calendar_event_id</c> (projection ALL). Default <c>calendar_event_id-index</c>.</summary>
    public string CalendarEventIndexName { get; set; } = "calendar_event_id-index";

    /// <summary>
    /// Gets or sets the global secondary index of transcript work: partition key <c>work_state</c> (string), sort key
    /// <c>work_due</c> (number, epoch seconds). Default <c>work-index</c>.
    /// </summary>
    public string WorkIndexName { get; set; } = "work-index";

    /// <summary>Gets or sets how long a session is kept: <c>expires_at</c> (the TTL attribute) is set this far after creation. Default 90 days.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(90);

    /// <summary>Gets or sets when a session first seen through a webhook (not created by the calendar trigger) is first checked by the sweep. Default 2 hours.</summary>
    public TimeSpan FirstCheckDelay { get; set; } = TimeSpan.FromHours(2);

    /// <summary>Gets or sets the clock; default the system clock.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
