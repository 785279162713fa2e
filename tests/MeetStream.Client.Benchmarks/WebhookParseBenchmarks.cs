using System.Text;
using BenchmarkDotNet.Attributes;
using MeetStream.Client.Webhooks;

namespace MeetStream.Client.Benchmarks;

/// <summary>Parsing typical webhook bodies into typed events (time and allocations).</summary>
[MemoryDiagnoser]
public class WebhookParseBenchmarks
{
    private static readonly byte[] Lifecycle = Encoding.UTF8.GetBytes("""{"event":"bot.inmeeting","bot_event":"bot.inmeeting","bot_id":"6667fd0c-0165-471a-a880-06a1180be377","bot_status":"InMeeting","message":"Bot is in the meeting","status_code":200,"timestamp":"2026-02-27T07:11:51.863543+00:00","custom_attributes":{"tenant":"acme","meeting_ref":"mtg-42"}}""");

    private static readonly byte[] LiveTranscript = Encoding.UTF8.GetBytes("""{"bot_id":"6667fd0c-0165-471a-a880-06a1180be377","speakerName":"Ada Lovelace","timestamp":"2026-05-26T10:11:02.412Z","new_text":"the engine","transcript":"Let us look at the engine","utterance":"","words":[{"word":"the","start":12.48,"end":12.6,"confidence":0,"speaker":"Ada Lovelace","punctuated_word":"the","speech_confidence":0},{"word":"engine","start":12.6,"end":13.02,"confidence":0,"speaker":"Ada Lovelace","punctuated_word":"engine.","speech_confidence":0}],"is_final":true,"end_of_turn":false,"turn_is_formatted":true,"transcription_mode":"sentence","custom_attributes":{"tenant":"acme"}}""");

    /// <summary>A lifecycle event (<c>bot.inmeeting</c>) with custom attributes.</summary>
    [Benchmark(Baseline = true)]
    public WebhookEvent ParseLifecycleEvent() => WebhookParser.Parse(Lifecycle);

    /// <summary>A live transcript chunk with two words.</summary>
    [Benchmark]
    public WebhookEvent ParseLiveTranscriptChunk() => WebhookParser.Parse(LiveTranscript);
}
