using System.Globalization;
using System.Text.Json.Nodes;
using Amazon.SQS.Model;
using MeetStream.Client.Keywords;
using MeetStream.Client.Tests.Infrastructure;
using MeetStream.Client.Webhooks;

namespace MeetStream.Client.Lambda.Tests.Infrastructure;

/// <summary>
/// One test's keyword-alert function on fauxqs: its own queue, a fake clock, a validator holding the test token secret,
/// the sales keywords, and live transcript deliveries to the function's URL with a valid <c>meetstream_token</c>.
/// </summary>
public sealed class KeywordAlertHarness
{
    private readonly Dictionary<(string BotId, string Speaker), string> _turns = [];

    private KeywordAlertHarness(FauxqsServer fauxqs, string queueUrl)
    {
        Fauxqs = fauxqs;
        QueueUrl = queueUrl;
        var validatorOptions = new WebhookValidatorOptions { TimeProvider = Clock };
        validatorOptions.CallbackTokenSecrets.Add(LambdaEvents.TokenSecret);
        Validator = new WebhookValidator(validatorOptions);
        Token = new Uri(Validator.CreateCallbackUrl("https://alerts.example.com/live")).Query.Split('=')[1];
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 12, 7, 10, 0, 0, TimeSpan.Zero));

    public FauxqsServer Fauxqs { get; }

    public string QueueUrl { get; }

    public WebhookValidator Validator { get; }

    public string Token { get; }

    public static KeywordDefinition[] Keywords { get; } =
    [
        new("pricing", "sales"),
        new("discount", "sales"),
        new("Acme Corp", "competitor") { Id = "kw-acme" },
        new("escalate", "support"),
    ];

    public static async Task<KeywordAlertHarness> StartAsync(FauxqsServer fauxqs, bool fifo = false) =>
        new(fauxqs, await fauxqs.CreateQueueAsync(fifo));

    /// <summary>A function on this harness's queue, as one Lambda execution environment holds it.</summary>
    public KeywordAlertFunction CreateFunction(IKeywordAlertQueue? queue = null, KeywordAlertFunctionOptions? options = null) =>
        new(Validator, new KeywordSpotter(Keywords, new KeywordSpotterOptions { BotName = "Acme Notetaker" }), queue ?? new SqsKeywordAlertQueue(Fauxqs.CreateClient(), QueueUrl), options);

    public LambdaContext Context() => new("req-" + Guid.NewGuid().ToString("N")[..8], Clock.GetUtcNow().AddSeconds(30), Clock);

    /// <summary>
    /// A live transcript chunk as MeetStream posts it: <c>new_text</c> is the increment, <c>transcript</c> the running
    /// text of the speaker's turn so far (kept per bot and speaker until a chunk ends the turn).
    /// </summary>
    public JsonObject Chunk(string botId, string speaker, string newText, int second, bool withWords = false, bool endOfTurn = false)
    {
        var turn = _turns.TryGetValue((botId, speaker), out var before) ? before + " " + newText : newText;
        if (endOfTurn)
        {
            _turns.Remove((botId, speaker));
        }
        else
        {
            _turns[(botId, speaker)] = turn;
        }

        var chunk = new JsonObject
        {
            ["bot_id"] = botId,
            ["speakerName"] = speaker,
            ["timestamp"] = Clock.GetUtcNow().AddSeconds(second).ToString("O", CultureInfo.InvariantCulture),
            ["new_text"] = newText,
            ["transcript"] = turn,
            ["utterance"] = string.Empty,
            ["is_final"] = true,
            ["end_of_turn"] = endOfTurn,
            ["transcription_mode"] = "raw",
            ["custom_attributes"] = new JsonObject { ["deal"] = "D-7" },
        };
        if (withWords)
        {
            var words = new JsonArray();
            var start = (double)second;
            foreach (var word in newText.Split(' '))
            {
                words.Add(new JsonObject { ["word"] = word.Trim(',', '.', '?', '!').ToLowerInvariant(), ["punctuated_word"] = word, ["start"] = start, ["end"] = start + 0.3, ["confidence"] = 0, ["speaker"] = speaker });
                start += 0.4;
            }

            chunk["words"] = words;
        }

        return chunk;
    }

    /// <summary>An HTTP API 2.0 delivery of <paramref name="body"/> to the live transcription URL, with this harness's token (or <paramref name="rawQuery"/>).</summary>
    public byte[] Delivery(JsonNode body, string? rawQuery = null) =>
        LambdaEvents.HttpApiEvent(body.ToJsonString(), new JsonObject { ["content-type"] = "application/json" }, rawQuery ?? "meetstream_token=" + Token);

    public static byte[] RawDelivery(string body, string rawQuery) =>
        LambdaEvents.HttpApiEvent(body, new JsonObject { ["content-type"] = "application/json" }, rawQuery);

    /// <summary>Invokes the function and returns the HTTP status and the parsed JSON body.</summary>
    public async Task<(int Status, JsonNode Body)> DeliverAsync(KeywordAlertFunction function, byte[] httpEvent, CancellationToken cancellationToken)
    {
        var response = JsonNode.Parse((await function.InvokeAsync(httpEvent, Context(), cancellationToken)).Span)!;
        return (response["statusCode"]!.GetValue<int>(), JsonNode.Parse(response["body"]!.GetValue<string>())!);
    }

    /// <summary>Everything now in the queue (received and deleted).</summary>
    public Task<List<Message>> ReceiveAllAsync() => Fauxqs.DrainAsync(QueueUrl);

    public static JsonNode BodyOf(Message message) => JsonNode.Parse(message.Body)!;
}
