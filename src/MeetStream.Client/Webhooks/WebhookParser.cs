using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.Unicode;
using MeetStream.Client.Serialization;

namespace MeetStream.Client.Webhooks;

/// <summary>
/// Reads a webhook body into a typed <see cref="WebhookEvent"/>: lifecycle, processing, participant and live
/// transcript payloads, and <see cref="UnknownWebhookEvent"/> for an event name it does not know. Tolerates both
/// <c>event</c> and <c>bot_event</c> and every optional field. A body that is not a JSON object (empty, too large,
/// invalid UTF-8, malformed, nested deeper than 64 levels, an array, a field of the wrong type) or that names no event
/// (neither a non-blank <c>event</c> nor <c>bot_event</c>, and no live transcript fields) fails with
/// <see cref="WebhookParseException"/> and nothing else. Parse after validating the signature.
/// </summary>
public static class WebhookParser
{
    /// <summary>The default largest body accepted: 1 MiB (MeetStream's payloads are a few kilobytes).</summary>
    public const int DefaultMaxBodyBytes = 1024 * 1024;

    private const int MaxDepth = 64;

    private static readonly JsonReaderOptions ReaderOptions = new()
    {
        MaxDepth = MaxDepth,
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Parses a webhook body of at most <see cref="DefaultMaxBodyBytes"/>.</summary>
    /// <param name="body">The raw body bytes (UTF-8 JSON).</param>
    /// <returns>The typed event; <see cref="UnknownWebhookEvent"/> for an event this SDK does not know.</returns>
    /// <exception cref="WebhookParseException">The body is not a readable JSON object; <see cref="WebhookParseException.Error"/> says why.</exception>
    public static WebhookEvent Parse(ReadOnlySpan<byte> body) => Parse(body, DefaultMaxBodyBytes);

    /// <summary>Parses a webhook body of at most <see cref="DefaultMaxBodyBytes"/>.</summary>
    /// <param name="body">The raw body bytes (UTF-8 JSON).</param>
    /// <returns>The typed event; <see cref="UnknownWebhookEvent"/> for an event this SDK does not know.</returns>
    /// <exception cref="WebhookParseException">The body is not a readable JSON object; <see cref="WebhookParseException.Error"/> says why.</exception>
    public static WebhookEvent Parse(ReadOnlyMemory<byte> body) => Parse(body.Span, DefaultMaxBodyBytes);

    /// <summary>
    /// Parses a webhook body held in an array, of at most <see cref="DefaultMaxBodyBytes"/>. This overload makes a
    /// <see cref="byte"/> array argument unambiguous for callers compiling with C# 13 or older, where it converts to both
    /// <see cref="ReadOnlySpan{T}"/> and <see cref="ReadOnlyMemory{T}"/> equally well.
    /// </summary>
    /// <param name="body">The raw body bytes (UTF-8 JSON).</param>
    /// <returns>The event; <see cref="UnknownWebhookEvent"/> for an event type this SDK does not know.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is <see langword="null"/>.</exception>
    /// <exception cref="WebhookParseException">The body is not a readable JSON object; <see cref="WebhookParseException.Error"/> says why.</exception>
    public static WebhookEvent Parse(byte[] body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return Parse(body.AsSpan(), DefaultMaxBodyBytes);
    }

    /// <summary>Parses a webhook body given as text.</summary>
    /// <param name="json">The body text.</param>
    /// <returns>The typed event.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    /// <exception cref="WebhookParseException">The body is not a readable JSON object.</exception>
    public static WebhookEvent Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Parse(Encoding.UTF8.GetBytes(json), DefaultMaxBodyBytes);
    }

    /// <summary>Parses a webhook body with a size limit of your choice.</summary>
    /// <param name="body">The raw body bytes (UTF-8 JSON).</param>
    /// <param name="maxBodyBytes">The largest body accepted, in bytes.</param>
    /// <returns>The typed event; <see cref="UnknownWebhookEvent"/> for an event this SDK does not know.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxBodyBytes"/> is not positive.</exception>
    /// <exception cref="WebhookParseException">The body is not a readable JSON object; <see cref="WebhookParseException.Error"/> says why.</exception>
    public static WebhookEvent Parse(ReadOnlySpan<byte> body, int maxBodyBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBodyBytes);
        var result = ParseCore(body, maxBodyBytes, out var error);
        return result ?? throw error!;
    }

    /// <summary>Parses a webhook body without throwing.</summary>
    /// <param name="body">The raw body bytes (UTF-8 JSON).</param>
    /// <param name="webhookEvent">The event, when the body is readable.</param>
    /// <param name="error">Why the body is not readable, otherwise.</param>
    /// <returns>Whether the body was read.</returns>
    public static bool TryParse(ReadOnlySpan<byte> body, [NotNullWhen(true)] out WebhookEvent? webhookEvent, [NotNullWhen(false)] out WebhookParseException? error)
    {
        webhookEvent = ParseCore(body, DefaultMaxBodyBytes, out error);
        return webhookEvent is not null;
    }

    private static WebhookEvent? ParseCore(ReadOnlySpan<byte> body, int maxBodyBytes, out WebhookParseException? error)
    {
        error = null;
        if (body.StartsWith("\uFEFF"u8))
        {
            body = body[3..];
        }

        if (body.IsEmpty)
        {
            error = new WebhookParseException(WebhookParseError.EmptyBody, "The webhook body is empty; MeetStream always sends a JSON object.");
            return null;
        }

        if (body.Length > maxBodyBytes)
        {
            error = new WebhookParseException(WebhookParseError.BodyTooLarge, $"The webhook body has {body.Length} bytes, more than the {maxBodyBytes} allowed.");
            return null;
        }

        if (!Utf8.IsValid(body))
        {
            error = new WebhookParseException(WebhookParseError.InvalidUtf8, "The webhook body is not valid UTF-8 text.");
            return null;
        }

        if (!TryScan(body, out var envelope, out error))
        {
            return null;
        }

        var typeInfo = SelectType(envelope);
        WebhookEvent? parsed;
        try
        {
            parsed = (WebhookEvent?)JsonSerializer.Deserialize(body, typeInfo);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or NotSupportedException or FormatException or OverflowException or ArgumentException)
        {
            error = new WebhookParseException(
                WebhookParseError.InvalidField,
                $"The webhook body is JSON but a field has the wrong type for a '{envelope.Name ?? "live transcript"}' event: {Sanitize(ex.Message)}{PathOf(ex)}",
                ex);
            return null;
        }

        if (parsed is null)
        {
            error = new WebhookParseException(WebhookParseError.NotAnObject, "The webhook body is not a JSON object.");
            return null;
        }

        if (parsed is UnknownWebhookEvent unknown)
        {
            unknown.RawJson = Encoding.UTF8.GetString(body);
            using var document = JsonDocument.Parse(body.ToArray(), new JsonDocumentOptions { MaxDepth = MaxDepth, CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            unknown.Json = document.RootElement.Clone();
        }

        parsed.DeduplicationKey = ComputeDeduplicationKey(body, envelope, parsed);
        return parsed;
    }

    private static bool TryScan(ReadOnlySpan<byte> body, out Envelope envelope, out WebhookParseException? error)
    {
        envelope = default;
        error = null;
        var reader = new Utf8JsonReader(body, ReaderOptions);
        try
        {
            if (!reader.Read())
            {
                error = new WebhookParseException(WebhookParseError.InvalidJson, "The webhook body holds no JSON value.");
                return false;
            }

            if (reader.TokenType != JsonTokenType.StartObject)
            {
                error = new WebhookParseException(WebhookParseError.NotAnObject, $"The webhook body must be a JSON object; its root is {Describe(reader.TokenType)}.");
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var field = Field.None;
                if (reader.ValueTextEquals("event"u8))
                {
                    field = Field.Event;
                }
                else if (reader.ValueTextEquals("bot_event"u8))
                {
                    field = Field.BotEvent;
                }
                else if (reader.ValueTextEquals("bot_id"u8))
                {
                    field = Field.BotId;
                }
                else if (reader.ValueTextEquals("timestamp"u8))
                {
                    field = Field.Timestamp;
                }
                else if (reader.ValueTextEquals("message"u8))
                {
                    field = Field.Message;
                }
                else if (reader.ValueTextEquals("new_text"u8) || reader.ValueTextEquals("transcript"u8) || reader.ValueTextEquals("words"u8)
                    || reader.ValueTextEquals("speakerName"u8) || reader.ValueTextEquals("utterance"u8) || reader.ValueTextEquals("end_of_turn"u8))
                {
                    envelope.LooksLikeTranscript = true;
                }

                reader.Read();
                if (field != Field.None)
                {
                    string? text = null;
                    if (reader.TokenType == JsonTokenType.String)
                    {
                        if (!TryGetText(ref reader, out text))
                        {
                            error = new WebhookParseException(
                                WebhookParseError.InvalidField,
                                $"The webhook body's '{FieldName(field)}' field is not valid Unicode text: it escapes an unpaired UTF-16 surrogate.");
                            return false;
                        }
                    }
                    else if (reader.TokenType is JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False && field is Field.BotId or Field.Timestamp)
                    {
                        text = Encoding.UTF8.GetString(reader.ValueSpan);
                    }

                    if (field is Field.Event or Field.BotEvent && reader.TokenType is not (JsonTokenType.String or JsonTokenType.Null))
                    {
                        error = new WebhookParseException(
                            WebhookParseError.InvalidField,
                            $"The webhook body's '{(field == Field.Event ? "event" : "bot_event")}' field must be a string; it is {Describe(reader.TokenType)}.");
                        return false;
                    }

                    envelope.Set(field, text);
                }

                reader.Skip();
            }

            if (reader.TokenType != JsonTokenType.EndObject)
            {
                error = new WebhookParseException(WebhookParseError.InvalidJson, "The webhook body is not well-formed JSON.");
                return false;
            }

            if (reader.Read())
            {
                error = new WebhookParseException(WebhookParseError.InvalidJson, "The webhook body has data after its JSON object.");
                return false;
            }

            if (envelope.Name is null && !envelope.LooksLikeTranscript)
            {
                error = new WebhookParseException(
                    WebhookParseError.MissingEventType,
                    $"The webhook body names no event: 'event' is {DescribeName(envelope.HasEvent, envelope.Event)} and 'bot_event' is {DescribeName(envelope.HasBotEvent, envelope.BotEvent)}, and it is not a live transcript chunk; every MeetStream delivery carries one of them.");
                return false;
            }

            return true;
        }
        catch (InvalidOperationException ex)
        {
            // Comparing a property name that escapes an unpaired UTF-16 surrogate ("\ud800") throws this, not JsonException.
            error = new WebhookParseException(WebhookParseError.InvalidJson, "The webhook body is not valid Unicode text: a property name escapes an unpaired UTF-16 surrogate.", ex);
            return false;
        }
        catch (JsonException ex)
        {
            error = reader.CurrentDepth >= MaxDepth - 1
                ? new WebhookParseException(WebhookParseError.NestingTooDeep, $"The webhook body nests JSON deeper than {MaxDepth} levels.", ex)
                : new WebhookParseException(WebhookParseError.InvalidJson, $"The webhook body is not well-formed JSON: {Sanitize(ex.Message)}", ex);
            return false;
        }
    }

    private static JsonTypeInfo SelectType(in Envelope envelope)
    {
        var context = MeetStreamJsonContext.Default;
        if (string.Equals(envelope.Event, "bot.stopped", StringComparison.OrdinalIgnoreCase))
        {
            return context.BotStoppedEvent;
        }

        var name = envelope.Name;
        if (name is null)
        {
            return envelope.LooksLikeTranscript ? context.LiveTranscriptEvent : context.UnknownWebhookEvent;
        }

        return name.ToLowerInvariant() switch
        {
            "bot.scheduled" => context.BotScheduledEvent,
            "bot.joining" => context.BotJoiningEvent,
            "bot.in_waiting_room" => context.BotInWaitingRoomEvent,
            "bot.inmeeting" => context.BotInMeetingEvent,
            "bot.recording_permission_allowed" => context.BotRecordingPermissionAllowedEvent,
            "bot.recording_permission_denied" => context.BotRecordingPermissionDeniedEvent,
            "bot.recording" => context.BotRecordingEvent,
            "bot.leaving" => context.BotLeavingEvent,
            "bot.stopped" or "bot.kicked" or "bot.notallowed" or "bot.denied" or "bot.failed" => context.BotStoppedEvent,
            "bot.error" => context.BotErrorEvent,
            "bot.uploading" => context.BotUploadingEvent,
            "bot.transcriptionready" => context.BotTranscriptionReadyEvent,
            "bot.done" => context.BotDoneEvent,
            "manifest.completed" => context.ManifestCompletedEvent,
            "manifest.skipped" => context.ManifestSkippedEvent,
            "audio.processed" => context.AudioProcessedEvent,
            "audio.skipped" => context.AudioSkippedEvent,
            "transcription.processed" => context.TranscriptionProcessedEvent,
            "transcription.failed" => context.TranscriptionFailedEvent,
            "transcription.skipped" => context.TranscriptionSkippedEvent,
            "video.processed" => context.VideoProcessedEvent,
            "data_deletion" => context.DataDeletionEvent,
            "participant_events.join" => context.ParticipantJoinedEvent,
            "participant_events.leave" => context.ParticipantLeftEvent,
            _ => context.UnknownWebhookEvent,
        };
    }

    private static string ComputeDeduplicationKey(ReadOnlySpan<byte> body, in Envelope envelope, WebhookEvent parsed)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        var keyed = parsed is not (ParticipantEvent or LiveTranscriptEvent)
            && !string.IsNullOrEmpty(envelope.BotId)
            && envelope.Name is not null
            && (envelope.Timestamp is not null || envelope.Message is not null);
        if (!keyed)
        {
            SHA256.HashData(body, hash);
            return "b1:" + Convert.ToHexString(hash[..16]);
        }

        // Length-prefixed fields: no two different tuples share a canonical form.
        var canonical = new StringBuilder(160);
        Append(canonical, envelope.BotId);
        Append(canonical, envelope.Event);
        Append(canonical, envelope.BotEvent);
        if (envelope.Timestamp is not null)
        {
            canonical.Append('t');
            Append(canonical, envelope.Timestamp);
        }
        else
        {
            canonical.Append('m');
            Append(canonical, envelope.Message);
        }

        SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString()), hash);
        return "k1:" + Convert.ToHexString(hash[..16]);

        static void Append(StringBuilder builder, string? value)
        {
            if (value is null)
            {
                builder.Append("-1:");
                return;
            }

            builder.Append(value.Length).Append(':').Append(value);
        }
    }

    private static bool TryGetText(ref Utf8JsonReader reader, out string? text)
    {
        // GetString throws InvalidOperationException (not JsonException) for an escaped unpaired surrogate ("\ud800").
        try
        {
            text = reader.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            text = null;
            return false;
        }
    }

    private static string FieldName(Field field) => field switch
    {
        Field.Event => "event",
        Field.BotEvent => "bot_event",
        Field.BotId => "bot_id",
        Field.Timestamp => "timestamp",
        _ => "message",
    };

    private static string DescribeName(bool present, string? value) =>
        !present ? "missing" : value is null ? "null" : value.Length == 0 ? "empty" : "blank";

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartArray => "an array",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };

    private static string PathOf(Exception ex) =>
        ex is JsonException { Path: { Length: > 0 } path } && !ex.Message.Contains(path, StringComparison.Ordinal) ? $" (at {path})" : string.Empty;

    private static string Sanitize(string message)
    {
        // Reader messages quote at most a character or a path; keep them to one line.
        var line = message.ReplaceLineEndings(" ");
        return line.Length <= 300 ? line : line[..300] + "…";
    }

    private enum Field
    {
        None,
        Event,
        BotEvent,
        BotId,
        Timestamp,
        Message,
    }

    private struct Envelope
    {
        public string? Event;
        public string? BotEvent;
        public string? BotId;
        public string? Timestamp;
        public string? Message;
        public bool LooksLikeTranscript;
        public bool HasEvent;
        public bool HasBotEvent;

        public readonly string? Name => !string.IsNullOrWhiteSpace(BotEvent) ? BotEvent : !string.IsNullOrWhiteSpace(Event) ? Event : null;

        public void Set(Field field, string? value)
        {
            switch (field)
            {
                case Field.Event:
                    Event = value;
                    HasEvent = true;
                    break;
                case Field.BotEvent:
                    BotEvent = value;
                    HasBotEvent = true;
                    break;
                case Field.BotId:
                    BotId = value;
                    break;
                case Field.Timestamp:
                    Timestamp = value;
                    break;
                case Field.Message:
                    Message = value;
                    break;
            }
        }
    }
}
