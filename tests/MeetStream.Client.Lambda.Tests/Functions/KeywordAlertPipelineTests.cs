using System.Text.Json.Nodes;
using MeetStream.Client.Lambda.Tests.Infrastructure;

namespace MeetStream.Client.Lambda.Tests.Functions;

/// <summary>
/// The keyword-alert function as <see cref="MeetStreamPipeline"/> builds it from environment variables
/// (<c>MEETSTREAM_FUNCTION=keyword-alerts</c>): keywords inline and from a file, the bot's own speech ignored, the
/// queue on fauxqs, and an init error naming each missing setting.
/// </summary>
public sealed class KeywordAlertPipelineTests(FauxqsServer fauxqs) : IDisposable
{
    private readonly string _keywordsFile = Path.Combine(Path.GetTempPath(), "meetstream-keywords-" + Guid.NewGuid().ToString("N") + ".json");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreateFunctionAsync_FromEnvironment_SpotsInlineAndFileKeywordsAndSendsToTheQueue()
    {
        var h = await KeywordAlertHarness.StartAsync(fauxqs);
        await File.WriteAllTextAsync(_keywordsFile, "[{\"phrase\":\"escalate\",\"category\":\"support\",\"id\":\"kw-esc\",\"match_plurals\":false}]", Ct);
        var function = Assert.IsType<KeywordAlertFunction>(await MeetStreamPipeline.CreateFunctionAsync(MeetStreamPipeline.KeywordAlertsFunctionName, Options(h), Ct));

        var bot = await h.DeliverAsync(function, h.Delivery(h.Chunk("bot-p1", "Pipeline Notetaker", "I will note the pricing question.", 0)), Ct);
        var human = await h.DeliverAsync(function, h.Delivery(h.Chunk("bot-p1", "Dana Buyer", "Pricing matters, or we escalate to Acme Corp.", 3)), Ct);

        Assert.Equal(0, bot.Body["hits"]!.GetValue<int>());
        Assert.Equal(3, human.Body["hits"]!.GetValue<int>());
        var messages = (await h.ReceiveAllAsync()).Select(KeywordAlertHarness.BodyOf).ToList();
        Assert.Equal(
            ["competitor:Acme Corp:", "sales:pricing:", "support:escalate:kw-esc"],
            messages.Select(m => $"{m["category"]}:{m["keyword"]}:{m["keyword_id"]}").Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("MEETSTREAM_KEYWORD_QUEUE_URL", "MEETSTREAM_KEYWORD_QUEUE_URL")]
    [InlineData("MEETSTREAM_KEYWORDS", "MEETSTREAM_KEYWORDS")]
    [InlineData("MEETSTREAM_CALLBACK_TOKEN_SECRET", "MEETSTREAM_CALLBACK_TOKEN_SECRET")]
    public async Task CreateFunctionAsync_MissingSetting_FailsNamingIt(string without, string named)
    {
        var h = await KeywordAlertHarness.StartAsync(fauxqs);

        var error = await Assert.ThrowsAsync<LambdaHostException>(() => MeetStreamPipeline.CreateFunctionAsync(MeetStreamPipeline.KeywordAlertsFunctionName, Options(h, without), Ct));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"phrase\":\"pricing\"}", "not a JSON array")]
    [InlineData("[{\"category\":\"sales\"}]", "entry 0 has no phrase")]
    public async Task CreateFunctionAsync_BadKeywordsFile_FailsNamingTheFile(string json, string problem)
    {
        var h = await KeywordAlertHarness.StartAsync(fauxqs);
        await File.WriteAllTextAsync(_keywordsFile, json, Ct);

        var error = await Assert.ThrowsAsync<LambdaHostException>(() => MeetStreamPipeline.CreateFunctionAsync(MeetStreamPipeline.KeywordAlertsFunctionName, Options(h), Ct));

        Assert.Contains("MEETSTREAM_KEYWORDS_FILE", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateFunctionAsync_InlineEntryWithoutPhrase_FailsNamingTheEntry()
    {
        var h = await KeywordAlertHarness.StartAsync(fauxqs);

        var error = await Assert.ThrowsAsync<LambdaHostException>(() => MeetStreamPipeline.CreateFunctionAsync(MeetStreamPipeline.KeywordAlertsFunctionName, Options(h, inline: "sales:pricing, competitor:"), Ct));

        Assert.Contains("'competitor:'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ResolveFunctionName_KeywordAlerts_IsAFunctionName()
    {
        Assert.Equal("keyword-alerts", MeetStreamPipeline.ResolveFunctionName(name => name == "MEETSTREAM_FUNCTION" ? " Keyword-Alerts " : null));
        Assert.Contains("'keyword-alerts'", Assert.Throws<LambdaHostException>(() => MeetStreamPipeline.ResolveFunctionName(_ => "nope")).Message, StringComparison.Ordinal);
    }

    public void Dispose() => File.Delete(_keywordsFile);

    private MeetStreamPipelineOptions Options(KeywordAlertHarness h, string? without = null, string inline = "sales:pricing, competitor:Acme Corp")
    {
        var environment = new Dictionary<string, string>
        {
            ["MEETSTREAM_KEYWORD_QUEUE_URL"] = h.QueueUrl,
            ["MEETSTREAM_KEYWORDS"] = inline,
            ["MEETSTREAM_KEYWORDS_FILE"] = _keywordsFile,
            ["MEETSTREAM_CALLBACK_TOKEN_SECRET"] = LambdaEvents.TokenSecret,
            ["MEETSTREAM_BOT_NAME"] = "Pipeline Notetaker",
        };
        if (without is not null)
        {
            environment.Remove(without);
            if (without == "MEETSTREAM_KEYWORDS")
            {
                environment.Remove("MEETSTREAM_KEYWORDS_FILE");
            }
        }

        if (!File.Exists(_keywordsFile))
        {
            environment.Remove("MEETSTREAM_KEYWORDS_FILE");
        }

        return new MeetStreamPipelineOptions
        {
            GetEnvironmentVariable = name => environment.TryGetValue(name, out var value) ? value : null,
            Sqs = fauxqs.CreateClient(),
            TimeProvider = h.Clock,
        };
    }
}
