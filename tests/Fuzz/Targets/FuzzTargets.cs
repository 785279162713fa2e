using System.Diagnostics.CodeAnalysis;

namespace MeetStream.Client.Fuzz.Targets;

/// <summary>The catalogue of fuzz targets by name (the names are the corpus folder names).</summary>
internal static class FuzzTargets
{
    private static readonly Dictionary<string, FuzzTarget> All = new(StringComparer.Ordinal)
    {
        ["webhook-parser"] = WebhookParserTarget.Run,
        ["webhook-headers"] = WebhookHeadersTarget.Run,
        ["binary-audio-frame"] = BinaryAudioFrameTarget.Run,
        ["legacy-pcm-chunk"] = LegacyPcmChunkTarget.Run,
        ["control-message"] = ControlMessageTarget.Run,
        ["lambda-http-event"] = LambdaHttpEventTarget.Run,
    };

    public static IEnumerable<string> Names => All.Keys;

    public static bool TryGet(string name, [NotNullWhen(true)] out FuzzTarget? target) => All.TryGetValue(name, out target);
}
