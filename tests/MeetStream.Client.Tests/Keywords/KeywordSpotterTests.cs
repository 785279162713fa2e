using MeetStream.Client.Keywords;

namespace MeetStream.Client.Tests.Keywords;

public sealed class KeywordSpotterTests
{
    private static KeywordSpotter Spotter(params string[] phrases) => new(phrases.Select(p => new KeywordDefinition(p)));

    private static string[] Found(KeywordSpotter spotter, string text) =>
        spotter.FindAll(text).Select(m => $"{m.Keyword.Phrase}={text.Substring(m.Start, m.Length)}").ToArray();

    [Fact]
    public void FindAll_WholeWordsOnly_NotInsideOtherWords()
    {
        var spotter = Spotter("price");

        Assert.Equal(["price=price", "price=Price"], Found(spotter, "The price is priceless, spriced. Price!"));
    }

    [Fact]
    public void FindAll_CaseAndDiacritics_FoldAlike()
    {
        var spotter = Spotter("Café");

        Assert.Equal(["Café=cafe", "Café=CAFE", "Café=Café", "Café=CAFÉ"], Found(spotter, "cafe CAFE Café CAFÉ"));
        Assert.Single(spotter.FindAll("cafe\u0301 time"));
        Assert.Equal(5, spotter.FindAll("cafe\u0301 time")[0].Length);
    }

    [Fact]
    public void FindAll_PhraseWords_AnySeparatorRunBetween()
    {
        var spotter = Spotter("pricing model");

        Assert.Equal(4, spotter.FindAll("pricing model; pricing  model; pricing-model; Pricing,\n model").Count);
        Assert.Empty(spotter.FindAll("pricing modelling? pricingmodel"));
        var match = spotter.FindAll("our pricing-model works")[0];
        Assert.Equal((4, 13), (match.Start, match.Length));
    }

    [Fact]
    public void FindAll_Plurals_WhenEnabled()
    {
        var spotter = Spotter("price", "company", "box", "day", "price increase");

        Assert.Equal(
            ["price=prices", "company=companies", "box=boxes", "day=days", "price=price's", "price=price", "price increase=price increases", "price=prices"],
            Found(spotter, "prices companies boxes days price's price increases prices' pricey"));
    }

    [Fact]
    public void FindAll_Plurals_OffGloballyOrPerKeyword()
    {
        var off = new KeywordSpotter([new KeywordDefinition("price")], new KeywordSpotterOptions { MatchPlurals = false });
        Assert.Empty(off.FindAll("prices and price's"));

        var mixed = new KeywordSpotter([new KeywordDefinition("price") { MatchPlurals = false }, new KeywordDefinition("box")]);
        Assert.Equal(["box=boxes"], Found(mixed, "prices boxes"));
    }

    [Fact]
    public void FindAll_OverlappingKeywords_AllHit()
    {
        var spotter = Spotter("price", "price increase", "increase");

        Assert.Equal(["price=price", "price increase=price increase", "increase=increase"], Found(spotter, "a price increase"));
    }

    [Fact]
    public void FindAll_RepeatedWords_EachOccurrence()
    {
        Assert.Equal(3, Spotter("no").FindAll("no, no... NO").Count);
    }

    [Fact]
    public void FindAll_Span_WritesWithoutAllocating_ReportsTotal()
    {
        var spotter = Spotter("alpha", "beta");
        Span<KeywordMatch> one = new KeywordMatch[1];

        var total = spotter.FindAll("alpha beta alpha".AsSpan(), one);

        Assert.Equal(3, total);
        Assert.Equal(("alpha", 0, 5), (one[0].Keyword.Phrase, one[0].Start, one[0].Length));
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            spotter.FindAll("alpha beta alpha gamma".AsSpan(), one);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void FindAll_FiveThousandKeywords_FindsExactlyThePlantedOnes()
    {
        var keywords = Enumerable.Range(0, 5000).Select(i => new KeywordDefinition($"term{i} word{i % 97}", i % 2 == 0 ? "even" : "odd")).ToList();
        keywords.Add(new KeywordDefinition("term42"));
        var spotter = new KeywordSpotter(keywords);

        var matches = spotter.FindAll("we said term42 word42 and term4999 word52, not term5000 word53 nor term1 word2");

        Assert.Equal(5001, spotter.Count);
        Assert.Equal(["term42", "term42 word42", "term4999 word52"], matches.Select(m => m.Keyword.Phrase).ToArray());
        Assert.Equal("odd", matches[2].Keyword.Category);
    }

    [Fact]
    public void Constructor_DuplicatePhrase_ArgumentExceptionNamingIndex()
    {
        var error = Assert.Throws<ArgumentException>(() => Spotter("pricing model", "other", "Pricing-Model"));

        Assert.Equal("keywords", error.ParamName);
        Assert.Contains("keywords[2]", error.Message, StringComparison.Ordinal);
        Assert.Contains("keywords[0]", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("?!")]
    public void Constructor_EmptyPhrase_ArgumentExceptionNamingIndex(string phrase)
    {
        var error = Assert.Throws<ArgumentException>(() => Spotter("ok", phrase));

        Assert.Equal("keywords", error.ParamName);
        Assert.Contains("keywords[1]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_BadArguments_TypedErrors()
    {
        Assert.Throws<ArgumentNullException>(() => new KeywordSpotter(null!));
        Assert.Contains("keywords[0]", Assert.Throws<ArgumentException>(() => new KeywordSpotter([null!])).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>(() => new KeywordDefinition(null!));
        var context = Assert.Throws<ArgumentOutOfRangeException>(() => new KeywordSpotter([new KeywordDefinition("a")], new KeywordSpotterOptions { ContextWords = -1 }));
        Assert.Contains("ContextWords", context.Message, StringComparison.Ordinal);
        var streams = Assert.Throws<ArgumentOutOfRangeException>(() => new KeywordSpotter([new KeywordDefinition("a")], new KeywordSpotterOptions { MaxLiveStreams = 0 }));
        Assert.Contains("MaxLiveStreams", streams.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>(() => Spotter("a").FindAll((string)null!));
        Assert.Throws<ArgumentNullException>(() => Spotter("a").Spot(null!));
    }

    [Fact]
    public void Spot_Transcript_SpeakerOffsetTimestampContext()
    {
        var wall = new DateTimeOffset(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);
        var transcript = new Transcript(
        [
            new TranscriptSegment
            {
                Speaker = "Alice",
                Text = "One two three four five six seven: the Pricing, model eight nine ten eleven twelve thirteen fourteen",
                StartTime = 10,
                AbsoluteStartTime = wall,
                Words = "One two three four five six seven: the Pricing, model eight nine ten eleven twelve thirteen fourteen"
                    .Split(' ').Select((w, i) => new TranscriptWord { Word = w, Start = 10 + i }).ToList(),
            },
            new TranscriptSegment { Speaker = "Bob", Text = "No timings for this price.", StartTime = 30 },
            new TranscriptSegment { Speaker = "Carol", Text = "nothing here", StartTime = 40 },
        ]);
        var spotter = new KeywordSpotter([new KeywordDefinition("pricing model", "pricing"), new KeywordDefinition("price", "pricing")], new KeywordSpotterOptions { ContextWords = 3 });
        var attributes = new Dictionary<string, string> { ["crm"] = "42" };

        var hits = spotter.Spot(transcript, "bot-1", attributes);

        Assert.Equal(2, hits.Count);
        var first = hits[0];
        Assert.Equal(("pricing model", "pricing", "Pricing, model", "Alice", "bot-1"), (first.Keyword.Phrase, first.Category, first.MatchedText, first.Speaker, first.BotId));
        Assert.Equal(TimeSpan.FromSeconds(18), first.Offset);
        Assert.Equal(wall.AddSeconds(8), first.Timestamp);
        Assert.Equal("six seven: the Pricing, model eight nine ten", first.Context);
        Assert.Same(attributes, first.CustomAttributes);
        Assert.False(first.IsLive);
        Assert.Equal(("price", TimeSpan.FromSeconds(30), (DateTimeOffset?)null), (hits[1].MatchedText, hits[1].Offset!.Value, hits[1].Timestamp));
        Assert.Equal("timings for this price.", hits[1].Context);
    }
}
