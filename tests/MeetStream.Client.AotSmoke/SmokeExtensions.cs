using System.Text.Json;
using MeetStream.Client;
using MeetStream.Client.Serialization;

/// <summary>AOT checks of the typed sub-clients: real calls, error mapping and source-generated models.</summary>
internal static class SmokeExtensions
{
    public static async Task RunAsync(MeetStreamClient client, List<string> failures)
    {
        var status = await client.Bots.GetStatusAsync("b1");
        Check(failures, status.Status == BotStatus.InMeeting, "typed status read");

        try
        {
            await client.Bots.GetStatusAsync("b2");
            failures.Add("404 did not throw");
        }
        catch (MeetStreamNotFoundException ex)
        {
            Check(failures, ex.ApiMessage == "Bot not found", "404 mapped with API message");
        }

        var transcript = await client.Transcripts.GetAsync("t1");
        Check(failures, transcript.GetFullText() == "Hello there", "transcript converter");

        var page = JsonSerializer.Deserialize("{\"next\":null,\"has_more\":false,\"results\":[{\"id\":\"e1\",\"meeting_url\":\"https://meet.google.com/x\",\"extra\":1}]}", MeetStreamJsonContext.Default.CalendarEventPage);
        Check(failures, page?.Results?[0].AdditionalProperties?.ContainsKey("extra") == true, "extension data kept");

        // Webhooks: sign, validate and parse.
        var body = System.Text.Encoding.UTF8.GetBytes("{\"event\":\"bot.stopped\",\"bot_event\":\"bot.kicked\",\"bot_id\":\"b1\",\"bot_status\":\"Stopped\",\"status_code\":200}");
        var validatorOptions = new MeetStream.Client.Webhooks.WebhookValidatorOptions();
        validatorOptions.SigningSecrets.Add("whsec_aot");
        var validator = new MeetStream.Client.Webhooks.WebhookValidator(validatorOptions);
        var signature = MeetStream.Client.Webhooks.WebhookValidator.ComputeSignature(body, "whsec_aot");
        var result = validator.Validate(body, name => name.Equals(MeetStream.Client.Webhooks.WebhookValidator.SignatureHeaderName, StringComparison.OrdinalIgnoreCase) ? signature : null);
        Check(failures, result.IsValid, "webhook signature validates");
        var parsed = MeetStream.Client.Webhooks.WebhookParser.Parse(body);
        Check(failures, parsed is MeetStream.Client.Webhooks.BotStoppedEvent { Reason: var reason } && reason == MeetStream.Client.Webhooks.BotStopReason.Kicked, "webhook parsed to typed event");

        // Lambda: an HTTP API 2.0 event with a base64 body.
        var lambdaEvent = System.Text.Encoding.UTF8.GetBytes("{\"version\":\"2.0\",\"rawPath\":\"/webhooks\",\"rawQueryString\":\"\",\"headers\":{\"Content-Type\":\"application/json\"},\"requestContext\":{\"http\":{\"method\":\"POST\",\"path\":\"/webhooks\"}},\"body\":\"e30=\",\"isBase64Encoded\":true}");
        var request = MeetStream.Client.Lambda.LambdaHttpEvents.ParseRequest(lambdaEvent);
        Check(failures, request.Method == "POST" && System.Text.Encoding.UTF8.GetString(request.Body.Span) == "{}", "Lambda HTTP API event parsed");

        var agent = JsonSerializer.Deserialize("{\"AgentConfigID\":\"a1\",\"Mode\":\"realtime\",\"WakeWord\":{\"words\":\"hey, bot\"}}", MeetStreamJsonContext.Default.AgentConfig);
        Check(failures, agent?.AgentConfigId == "a1", "PascalCase agent echo");
    }

    private static void Check(List<string> failures, bool condition, string what)
    {
        if (!condition)
        {
            failures.Add(what);
        }
    }
}
