namespace MeetStream.Client.Lambda;

/// <summary>Settings of <see cref="CalendarTriggerFunction"/>.</summary>
public sealed class CalendarTriggerOptions
{
    /// <summary>Gets or sets the webhook URL MeetStream calls for the bot (<c>callback_url</c>), e.g. the HTTP API route of the webhook function with its URL token.</summary>
    public Uri? CallbackUrl { get; set; }

    /// <summary>
    /// Gets or sets the validator that issues callback URL tokens: when set (with a callback token secret), every bot's
    /// <see cref="CallbackUrl"/> carries a fresh <c>meetstream_token</c>, which the webhook function verifies, because
    /// MeetStream does not sign per-bot callback deliveries.
    /// </summary>
    public MeetStream.Client.Webhooks.WebhookValidator? CallbackTokenIssuer { get; set; }

    /// <summary>Gets or sets the bot name when the event has none. Default <c>Notetaker</c>.</summary>
    public string DefaultBotName { get; set; } = "Notetaker";

    /// <summary>Gets or sets the post-call transcription provider. Default MeetStream's own (<c>meetstream</c>), which needs no provider key.</summary>
    public TranscriptionProvider? TranscriptionProvider { get; set; } = TranscriptionProvider.ForMeetStream();

    /// <summary>Gets or sets how long MeetStream keeps the media, in hours (always sent: the default is disputed). Default 24.</summary>
    public int RetentionHours { get; set; } = 24;

    /// <summary>
    /// Gets or sets a builder that replaces the default <see cref="CreateBotRequest"/> (meeting link, bot name, join
    /// time, callback URL, custom attributes <c>calendar_event_id</c>/<c>user_id</c>, transcription and retention).
    /// </summary>
    public Func<CalendarTriggerEvent, CreateBotRequest>? BuildRequest { get; set; }

    /// <summary>Gets or sets how long after the join time the transcript sweep first checks the session. Default 1 hour.</summary>
    public TimeSpan FirstCheckAfter { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Gets or sets the clock; default the system clock.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
