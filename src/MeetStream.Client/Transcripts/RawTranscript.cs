using System.Text.Json;
using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>
/// A provider's own transcript output (<c>get_transcript?raw=true</c>). The typed properties follow the
/// AssemblyAI-like shape MeetStream documents; other providers answer differently, so <see cref="Json"/> always
/// holds the complete output and the typed properties are <see langword="null"/> where the shape differs.
/// </summary>
public sealed class RawTranscript : MeetStreamObject
{
    /// <summary>The provider's transcript id.</summary>
    [JsonPropertyName("id")]
    [JsonConverter(typeof(AnyValueAsStringJsonConverter))]
    public string? Id { get; init; }

    /// <summary>The provider's job status, e.g. <c>completed</c>.</summary>
    [JsonPropertyName("status")]
    public string? Status { get; init; }

    /// <summary>The whole text.</summary>
    [JsonPropertyName("text")]
    public string? Text { get; init; }

    /// <summary>The language, e.g. <c>en_us</c>.</summary>
    [JsonPropertyName("language_code")]
    public string? LanguageCode { get; init; }

    /// <summary>The audio the provider transcribed (a pre-signed URL that expires).</summary>
    [JsonPropertyName("audio_url")]
    public string? AudioUrl { get; init; }

    /// <summary>Overall confidence from 0 to 1.</summary>
    [JsonPropertyName("confidence")]
    public double? Confidence { get; init; }

    /// <summary>Length of the audio in seconds.</summary>
    [JsonPropertyName("audio_duration")]
    public double? AudioDuration { get; init; }

    /// <summary>Whether speakers were labelled.</summary>
    [JsonPropertyName("speaker_labels")]
    public bool? SpeakerLabels { get; init; }

    /// <summary>Every word with timing (milliseconds for AssemblyAI) and speaker label.</summary>
    [JsonPropertyName("words")]
    public IReadOnlyList<RawTranscriptWord>? Words { get; init; }

    /// <summary>Speaker turns, when the provider produced them.</summary>
    [JsonPropertyName("utterances")]
    public IReadOnlyList<RawTranscriptUtterance>? Utterances { get; init; }

    /// <summary>
    /// Gets the complete provider output exactly as MeetStream returned it. Read it for providers whose output is not
    /// AssemblyAI-like (Deepgram's <c>results.channels</c>, for example).
    /// </summary>
    [JsonIgnore]
    public JsonElement Json { get; internal set; }

    /// <summary>Reads a raw transcript from parsed JSON: typed where the shape fits, always with <see cref="Json"/>.</summary>
    /// <param name="json">The provider output.</param>
    /// <returns>The raw transcript; typed properties are <see langword="null"/> when the output is not AssemblyAI-like.</returns>
    public static RawTranscript FromJson(JsonElement json)
    {
        var original = json.Clone();
        RawTranscript? typed = null;
        if (original.ValueKind == JsonValueKind.Object)
        {
            try
            {
                typed = original.Deserialize(MeetStreamJsonContext.Default.RawTranscript);
            }
            catch (JsonException)
            {
                // Another provider's shape: keep the JSON only.
            }
        }

        typed ??= new RawTranscript();
        typed.Json = original;
        return typed;
    }
}
