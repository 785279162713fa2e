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
