using MeetStream.Client.Keywords;
using MeetStream.Client.Webhooks;

namespace MeetStream.Client.Tests.Keywords;

public sealed class LiveKeywordSpotterTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);

    private static LiveKeywordSpotter Live(KeywordSpotterOptions? options = null, params string[] phrases) =>
        new KeywordSpotter(phrases.Select(p => new KeywordDefinition(p, "cat")), options).CreateLiveSpotter();

    private static LiveTranscriptEvent Chunk(string? transcript, string? newText = null, bool? isFinal = null, bool? endOfTurn = null, string speaker = "Alice", string bot = "b1", int second = 0) => new()
    {
        BotId = bot,
        SpeakerName = speaker,
        Transcript = transcript,
        NewText = newText,
        IsFinal = isFinal,
        EndOfTurn = endOfTurn,
        Timestamp = T0.AddSeconds(second),
    };

    private static string[] Phrases(IReadOnlyList<KeywordHit> hits) => hits.Select(h => h.Keyword.Phrase).ToArray();

    [Fact]
    public void Process_PhraseStraddlingPartialAndFinal_MatchesOnce()
    {
        var live = Live(null, "pricing model", "pricing");

        var partial = live.Process(Chunk("we should discuss the pricing", "we should discuss the pricing", isFinal: false));
        var final = live.Process(Chunk("we should discuss the pricing model today", "model today", isFinal: true, endOfTurn: true));
        var resent = live.Process(Chunk("we should discuss the pricing model today", "model today", isFinal: true, endOfTurn: true));

        Assert.Empty(partial);
        Assert.Equal(["pricing", "pricing model"], Phrases(final));
        Assert.Empty(resent);
    }

    [Fact]
    public void Process_NewTextIncrementsOnly_StraddlingPhraseMatchesOnce()
    {
        var live = Live(null, "pricing model", "pricing");

        var first = live.Process(Chunk(null, "about the pricing", second: 1));
        var second = live.Process(Chunk(null, "model for you", second: 2));
        var third = live.Process(Chunk(null, "and that is all", second: 3));

        Assert.Equal(["pricing"], Phrases(first));
        Assert.Equal(["pricing model"], Phrases(second));
        Assert.Equal("pricing model", second[0].MatchedText);
        Assert.Empty(third);
    }

    [Fact]
    public void Process_ResentIdenticalChunk_DoesNotAlertTwice()
    {
        var live = Live(null, "escalation");
        var chunk = Chunk(null, "we need an escalation now", second: 5);

        Assert.Single(live.Process(chunk));
        Assert.Empty(live.Process(chunk));
        Assert.Empty(live.Process(Chunk(null, "we need an escalation now", second: 5)));
    }

    [Fact]
    public void Process_RevisedPartials_EachOccurrenceOnce()
    {
        var live = Live(null, "price");

        var a = live.Process(Chunk("our price is high", isFinal: false));
        var b = live.Process(Chunk("our prices are high and", isFinal: false));
        var c = live.Process(Chunk("our prices are high and the price", isFinal: false));
        var d = live.Process(Chunk("our prices are high and the price went up", isFinal: true, endOfTurn: true));

        Assert.Equal(["price"], a.Select(h => h.MatchedText));
        Assert.Empty(b);
        Assert.Empty(c);
        Assert.Equal(["price"], d.Select(h => h.MatchedText));
    }

    [Fact]
    public void Process_PartialEndingInsideLongerWord_DoesNotAlert()
    {
        var live = Live(null, "price");

        Assert.Empty(live.Process(Chunk("that is price", isFinal: false)));
        Assert.Empty(live.Process(Chunk("that is priceless", isFinal: true, endOfTurn: true)));
    }

    [Fact]
    public void Process_NewTurn_AlertsAgain_AndPhraseAcrossTurnsMatchesOnce()
    {
        var live = Live(null, "price", "pricing model");

        var first = live.Process(Chunk("the price", isFinal: true, endOfTurn: true, second: 1));
        var second = live.Process(Chunk("the price and the pricing", isFinal: true, endOfTurn: true, second: 2));
        var third = live.Process(Chunk("model again", isFinal: true, endOfTurn: true, second: 3));

        Assert.Equal(["price"], Phrases(first));
        Assert.Equal(["price"], Phrases(second));
        Assert.Equal(["pricing model"], Phrases(third));
        Assert.Equal("pricing model", third[0].MatchedText);
    }

    [Fact]
    public void Process_SpeakersAndBots_Independent()
    {
        var live = Live(null, "pricing model");

        Assert.Empty(live.Process(Chunk(null, "the pricing", speaker: "Alice")));
        Assert.Empty(live.Process(Chunk(null, "model", speaker: "Bob")));
        Assert.Empty(live.Process(Chunk(null, "model", speaker: "Alice", bot: "b2")));
        Assert.Single(live.Process(Chunk(null, "model", speaker: "Alice", second: 1)));
        Assert.Single(live.Process(Chunk(null, "pricing model", speaker: "Bob", second: 1)));
        Assert.Equal(3, live.TrackedStreams);
    }

    [Fact]
    public void Process_BotOwnSpeech_IgnoredWhenConfigured()
    {
        var ignoring = Live(new KeywordSpotterOptions { BotName = "Notetaker" }, "pricing");
        var keeping = Live(new KeywordSpotterOptions { BotName = "Notetaker", IgnoreBotSpeech = false }, "pricing");

        Assert.Empty(ignoring.Process(Chunk(null, "pricing", speaker: "notetaker ")));
        Assert.Equal(0, ignoring.TrackedStreams);
        Assert.Single(ignoring.Process(Chunk(null, "pricing", speaker: "Alice")));
        Assert.Single(keeping.Process(Chunk(null, "pricing", speaker: "Notetaker")));
    }

    [Fact]
    public void Process_Hit_CarriesBotSpeakerAttributesAndWordTiming()
    {
        var live = Live(new KeywordSpotterOptions { ContextWords = 2 }, "pricing");
        var attributes = new Dictionary<string, string> { ["deal"] = "D-7" };
        var chunk = new LiveTranscriptEvent
        {
            BotId = "b9",
            SpeakerName = "Ada",
            Timestamp = T0,
            Transcript = "so what about pricing for teams",
            Words = "so what about pricing for teams".Split(' ').Select((w, i) => new LiveTranscriptWord { Word = w, Start = 60 + (i * 0.5) }).ToList(),
            IsFinal = true,
            EndOfTurn = true,
            CustomAttributes = attributes,
        };

        var hit = Assert.Single(live.Process(chunk));

        Assert.Equal(("b9", "Ada", "pricing", "cat", true), (hit.BotId, hit.Speaker, hit.MatchedText, hit.Category, hit.IsLive));
        Assert.Same(attributes, hit.CustomAttributes);
        Assert.Equal(TimeSpan.FromSeconds(61.5), hit.Offset);
        Assert.Equal(T0.AddSeconds(1.5), hit.Timestamp);
        Assert.Equal("what about pricing for teams", hit.Context);
    }

    [Fact]
    public void Process_BeyondMaxLiveStreams_OldestDropped_CompleteDropsBot()
    {
        var live = Live(new KeywordSpotterOptions { MaxLiveStreams = 2 }, "price");

        Assert.Single(live.Process(Chunk("a price now", isFinal: false, speaker: "A")));
        Assert.Single(live.Process(Chunk("a price now", isFinal: false, speaker: "B")));
        Assert.Empty(live.Process(Chunk("a price now", isFinal: false, speaker: "A", second: 1)));
        Assert.Single(live.Process(Chunk("a price now", isFinal: false, speaker: "C")));

        Assert.Equal(2, live.TrackedStreams);
        Assert.Single(live.Process(Chunk("a price now", isFinal: false, speaker: "B", second: 1)));
        live.Process(Chunk("hello", speaker: "D", bot: "other"));
        live.Complete("b1");
        Assert.Equal(1, live.TrackedStreams);
        Assert.Throws<ArgumentNullException>(() => live.Complete(null!));
        Assert.Throws<ArgumentNullException>(() => live.Process(null!));
    }

    [Fact]
    public async Task Process_ConcurrentThreads_EachOccurrenceOnce()
    {
        var live = Live(null, "escalation", "pricing model");
        const int Threads = 8;
        var shared = Chunk("we need an escalation on the pricing model", isFinal: true, endOfTurn: true, speaker: "Shared");
        using var barrier = new Barrier(Threads);
        var tasks = Enumerable.Range(0, Threads).Select(t => Task.Run(() =>
        {
            barrier.SignalAndWait(TimeSpan.FromMinutes(1));
            var mine = 0;
            var shares = 0;
            for (var turn = 0; turn < 50; turn++)
            {
                mine += live.Process(Chunk("the pricing", isFinal: false, speaker: $"S{t}", second: turn)).Count;
                mine += live.Process(Chunk("the pricing model and escalation", isFinal: true, endOfTurn: true, speaker: $"S{t}", second: turn)).Count;
                shares += live.Process(shared).Count;
            }

            return (mine, shares);
        })).ToArray();

        var results = await Task.WhenAll(tasks).WaitAsync(TimeSpan.FromMinutes(2), TestContext.Current.CancellationToken);

        Assert.All(results, r => Assert.Equal(100, r.mine));
        Assert.Equal(2, results.Sum(r => r.shares));
        Assert.Equal(Threads + 1, live.TrackedStreams);
    }

    [Fact]
    public void Process_NoMatch_AllocatesNothingAfterWarmUp()
    {
        var live = Live(null, Enumerable.Range(0, 1000).Select(i => $"keyword{i}").ToArray());
        var chunks = Enumerable.Range(0, 300).Select(i => Chunk(
            i % 3 == 2 ? "so we talked about the roadmap for next quarter and more" : "so we talked about the roadmap",
            isFinal: i % 3 == 2,
            endOfTurn: i % 3 == 2,
            second: i,
            speaker: i % 2 == 0 ? "Alice" : "Bob")).ToArray();
        for (var i = 0; i < 30; i++)
        {
            Assert.Empty(live.Process(chunks[i]));
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 30; i < chunks.Length; i++)
        {
            live.Process(chunks[i]);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
