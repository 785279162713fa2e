using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
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
                var line = await process.StandardOutput.ReadLineAsync(Ct).AsTask().WaitAsync(TimeSpan.FromMinutes(1), Ct)
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

    [Fact]
    public async Task SimulatorProgram_PortAlreadyTaken_OneLineErrorNamingThePortAndOptionExitCode1()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

        await using var sample = SampleProcess.Start("Simulator", "meetstream-simulator", null, "--port", port);
        var exitCode = await sample.WaitForExitAsync(TimeSpan.FromMinutes(1), Ct);

        Assert.Equal(1, exitCode);
        var line = Assert.Single(sample.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Contains($"Port {port} on 127.0.0.1 is already in use", line, StringComparison.Ordinal);
        Assert.Contains("--port", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--port", "eighty", "--port takes a port number")]
    [InlineData("--port", "70000", "--port takes a port number")]
    [InlineData("--time-scale", "fast", "--time-scale takes a number")]
    [InlineData("--scenario", "nope", "--scenario takes one of")]
    [InlineData("--webhook", "no-secret", "--webhook takes URL=SECRET")]
    [InlineData("--api-key", "", "ApiKey must not be empty")]
    [InlineData("--bogus", "x", "Unknown option '--bogus'")]
    public async Task SimulatorProgram_BadOption_OneLineErrorExitCode2(string option, string value, string expected)
    {
        await using var sample = SampleProcess.Start("Simulator", "meetstream-simulator", null, option, value, "--port", "0");
        var exitCode = await sample.WaitForExitAsync(TimeSpan.FromMinutes(1), Ct);

        Assert.Equal(2, exitCode);
        var line = Assert.Single(sample.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Contains(expected, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SimulatorProgram_SigIntWhileServing_PrintsStoppingAndExits0()
    {
        await using var sample = SampleProcess.Start("Simulator", "meetstream-simulator", null, "--port", "0", "--time-scale", "0");
        await sample.WaitForOutputAsync("Ctrl+C stops the simulator.", TimeSpan.FromMinutes(1), Ct);

        sample.Interrupt();
        var exitCode = await sample.WaitForExitAsync(TimeSpan.FromMinutes(1), Ct);

        Assert.True(exitCode == 0, sample.Text);
        Assert.Contains("Stopping the simulator.", sample.Text, StringComparison.Ordinal);
    }
}
