using System.Text.Json;
using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>
/// The transcription provider of a bot or a re-transcription: an object with exactly one key naming the provider
/// (<c>{"deepgram": {…}}</c>). Use the <c>For…</c> factories; a provider this SDK does not know yet can be set through
/// <see cref="MeetStreamObject.AdditionalProperties"/>.
/// </summary>
public sealed class TranscriptionProvider : MeetStreamObject
{
    /// <summary>Post-call Deepgram.</summary>
    [JsonPropertyName("deepgram")]
    public DeepgramTranscription? Deepgram { get; init; }

    /// <summary>Post-call AssemblyAI.</summary>
    [JsonPropertyName("assemblyai")]
    public AssemblyAITranscription? AssemblyAI { get; init; }

    /// <summary>Post-call JigsawStack.</summary>
    [JsonPropertyName("jigsawstack")]
    public JigsawStackTranscription? JigsawStack { get; init; }

    /// <summary>Post-call Sarvam.</summary>
    [JsonPropertyName("sarvam")]
    public SarvamTranscription? Sarvam { get; init; }

    /// <summary>MeetStream's post-call provider.</summary>
    [JsonPropertyName("meetstream")]
    public MeetStreamTranscription? MeetStream { get; init; }

    /// <summary>Native meeting captions (live; Meet and Teams).</summary>
    [JsonPropertyName("meeting_captions")]
    public MeetingCaptionsTranscription? MeetingCaptions { get; init; }

    /// <summary>Live Deepgram.</summary>
    [JsonPropertyName("deepgram_streaming")]
    public DeepgramStreamingTranscription? DeepgramStreaming { get; init; }

    /// <summary>Live AssemblyAI.</summary>
    [JsonPropertyName("assemblyai_streaming")]
    public AssemblyAIStreamingTranscription? AssemblyAIStreaming { get; init; }

    /// <summary>Live JigsawStack.</summary>
    [JsonPropertyName("jigsawstack_streaming")]
    public JigsawStackStreamingTranscription? JigsawStackStreaming { get; init; }

    /// <summary>MeetStream's live provider.</summary>
    [JsonPropertyName("meetstream_streaming")]
    public MeetStreamStreamingTranscription? MeetStreamStreaming { get; init; }

    /// <summary>Selects post-call deepgram (<c>deepgram</c>).</summary>
    /// <param name="settings">Its settings; <see langword="null"/> for MeetStream's defaults.</param>
    /// <returns>The provider selection.</returns>
    public static TranscriptionProvider ForDeepgram(DeepgramTranscription? settings = null) => new() { Deepgram = settings ?? new() };

    /// <summary>Selects post-call assemblyai (<c>assemblyai</c>).</summary>
    /// <param name="settings">Its settings; <see langword="null"/> for MeetStream's defaults.</param>
    /// <returns>The provider selection.</returns>
    public static TranscriptionProvider ForAssemblyAI(AssemblyAITranscription? settings = null) => new() { AssemblyAI = settings ?? new() };

    /// <summary>Selects post-call jigsawstack (<c>jigsawstack</c>).</summary>
    /// <param name="settings">Its settings; <see langword="null"/> for MeetStream's defaults.</param>
    /// <returns>The provider selection.</returns>
    public static TranscriptionProvider ForJigsawStack(JigsawStackTranscription? settings = null) => new() { JigsawStack = settings ?? new() };

    /// <summary>Selects post-call sarvam (<c>sarvam</c>).</summary>
    /// <param name="settings">Its settings; <see langword="null"/> for MeetStream's defaults.</param>
    /// <returns>The provider selection.</returns>
    public static TranscriptionProvider ForSarvam(SarvamTranscription? settings = null) => new() { Sarvam = settings ?? new() };

    /// <summary>Selects MeetStream's post-call provider (<c>meetstream</c>).</summary>
    /// <param name="settings">Its settings; <see langword="null"/> for MeetStream's defaults.</param>
    /// <returns>The provider selection.</returns>
    public static TranscriptionProvider ForMeetStream(MeetStreamTranscription? settings = null) => new() { MeetStream = settings ?? new() };

    /// <summary>Selects native meeting captions (live; meet and teams) (<c>meeting_captions</c>).</summary>
    /// <param name="settings">Its settings; <see langword="null"/> for MeetStream's defaults.</param>
    /// <returns>The provider selection.</returns>
    public static TranscriptionProvider ForMeetingCaptions(MeetingCaptionsTranscription? settings = null) => new() { MeetingCaptions = settings ?? new() };

    /// <summary>Selects live deepgram (<c>deepgram_streaming</c>).</summary>
    /// <param name="settings">Its settings; <see langword="null"/> for MeetStream's defaults.</param>
    /// <returns>The provider selection.</returns>
    public static TranscriptionProvider ForDeepgramStreaming(DeepgramStreamingTranscription? settings = null) => new() { DeepgramStreaming = settings ?? new() };

    /// <summary>Selects live assemblyai (<c>assemblyai_streaming</c>).</summary>
    /// <param name="settings">Its settings; <see langword="null"/> for MeetStream's defaults.</param>
    /// <returns>The provider selection.</returns>
    public static TranscriptionProvider ForAssemblyAIStreaming(AssemblyAIStreamingTranscription? settings = null) => new() { AssemblyAIStreaming = settings ?? new() };

    /// <summary>Selects live jigsawstack (<c>jigsawstack_streaming</c>).</summary>
    /// <param name="settings">Its settings; <see langword="null"/> for MeetStream's defaults.</param>
    /// <returns>The provider selection.</returns>
    public static TranscriptionProvider ForJigsawStackStreaming(JigsawStackStreamingTranscription? settings = null) => new() { JigsawStackStreaming = settings ?? new() };

    /// <summary>Selects MeetStream's live provider (<c>meetstream_streaming</c>).</summary>
    /// <param name="settings">Its settings; <see langword="null"/> for MeetStream's defaults.</param>
    /// <returns>The provider selection.</returns>
    public static TranscriptionProvider ForMeetStreamStreaming(MeetStreamStreamingTranscription? settings = null) => new() { MeetStreamStreaming = settings ?? new() };

    /// <summary>
    /// Gets the wire key of the selected provider (e.g. <c>deepgram</c>), including a provider this SDK does not
    /// know yet, or <see langword="null"/> when none is set.
    /// </summary>
    [JsonIgnore]
    public string? Name => SelectedNames().FirstOrDefault();

    /// <summary>
    /// Gets whether the selected provider transcribes live (<c>*_streaming</c> or <c>meeting_captions</c>). Bots with
    /// such a provider get live transcript webhooks but never a post-call transcript (202 forever).
    /// </summary>
    [JsonIgnore]
    public bool IsStreaming => Name is { } name && (name is "meeting_captions" or "deepgram_streaming" or "assemblyai_streaming" or "jigsawstack_streaming" or "meetstream_streaming" || name.EndsWith("_streaming", StringComparison.Ordinal));

    /// <summary>Lists the wire keys set, known ones first; MeetStream requires exactly one.</summary>
    /// <returns>The keys.</returns>
    public IReadOnlyList<string> SelectedNames()
    {
        var names = new List<string>();
        foreach (var (name, set) in (ReadOnlySpan<(string, bool)>)
        [
            ("deepgram", Deepgram is not null),
            ("assemblyai", AssemblyAI is not null),
            ("jigsawstack", JigsawStack is not null),
            ("sarvam", Sarvam is not null),
            ("meetstream", MeetStream is not null),
            ("meeting_captions", MeetingCaptions is not null),
            ("deepgram_streaming", DeepgramStreaming is not null),
            ("assemblyai_streaming", AssemblyAIStreaming is not null),
            ("jigsawstack_streaming", JigsawStackStreaming is not null),
            ("meetstream_streaming", MeetStreamStreaming is not null),
        ])
        {
            if (set)
            {
                names.Add(name);
            }
        }

        if (AdditionalProperties is not null)
        {
            names.AddRange(AdditionalProperties.Keys);
        }

        return names;
    }
}
