using System.Diagnostics;
using System.Net;
using System.Text;

namespace MeetStream.Client.Testing.Tests.Samples;

/// <summary>The standalone simulator program (samples/Simulator) serves the API to any HTTP client.</summary>
public sealed class StandaloneSimulatorTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SimulatorProgram_Port0AndCustomKey_PrintsItsAddressAndAnswersCreateBot()
    {
        var (dll, root) = QuickStartTests.SampleDll("Simulator", "meetstream-simulator");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = root };
        foreach (var arg in new[] { dll, "--port", "0", "--api-key", "standalone_key", "--time-scale", "0" })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        try
        {
            string? baseUrl = null;
            while (baseUrl is null)
            {
                var line = await process.StandardOutput.ReadLineAsync(Ct).AsTask().WaitAsync(TimeSpan.FromSeconds(30), Ct)
                    ?? throw new InvalidOperationException("The simulator program exited: " + await process.StandardError.ReadToEndAsync(Ct));
                if (line.Contains("API base URL", StringComparison.Ordinal))
                {
                    baseUrl = line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
                }
            }

            using var http = new HttpClient();
            using var request = new HttpRequestMessage(HttpMethod.Post, baseUrl + "/bots/create_bot")
            {
                Content = new StringContent("""{"meeting_link":"https://meet.google.com/abc-defg-hij","bot_name":"From curl"}""", Encoding.UTF8, "application/json"),
            };
            request.Headers.TryAddWithoutValidation("Authorization", "Token standalone_key");
            using var response = await http.SendAsync(request, Ct);

            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            Assert.Contains("\"status\":\"Active\"", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
        }
    }
}
