using System.Net;
using System.Net.Sockets;
using System.Text;

namespace MeetStream.Client.Tests.Transport;

/// <summary>
/// A raw-socket HTTP/1.1 server on loopback that answers every request with one pre-built response (status line,
/// headers and body bytes built once), then closes the connection. It allocates almost nothing per request, so a
/// test can measure the client's own allocations in the same process; and it can send a body without
/// <c>Content-Length</c> (ended by closing the connection), which WireMock cannot.
/// </summary>
public sealed class CannedHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly byte[] _response;
    private readonly Task _loop;
    private int _requests;

    /// <summary>Starts the server.</summary>
    /// <param name="status">The status line after <c>HTTP/1.1 </c>, e.g. <c>500 Internal Server Error</c>.</param>
    /// <param name="body">The body bytes.</param>
    /// <param name="sendContentLength">Whether to declare the body length; otherwise the body ends when the connection closes.</param>
    /// <param name="declaredLength">A <c>Content-Length</c> to declare instead of the real one (more than sent = a broken body).</param>
    public CannedHttpServer(string status, byte[] body, bool sendContentLength = true, int? declaredLength = null)
    {
        var head = new StringBuilder().Append("HTTP/1.1 ").Append(status).Append("\r\nContent-Type: application/json\r\nConnection: close\r\n");
        if (sendContentLength)
        {
            head.Append("Content-Length: ").Append(declaredLength ?? body.Length).Append("\r\n");
        }

        var headBytes = Encoding.ASCII.GetBytes(head.Append("\r\n").ToString());
        _response = new byte[headBytes.Length + body.Length];
        headBytes.CopyTo(_response, 0);
        body.CopyTo(_response, headBytes.Length);
        _listener.Start();
        BaseUrl = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/api/v1");
        _loop = Task.Run(AcceptLoopAsync);
    }

    /// <summary>Gets the API base URL to point a client at.</summary>
    public Uri BaseUrl { get; }

    /// <summary>Gets how many requests were answered.</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var socket = await _listener.AcceptSocketAsync(_stop.Token);
            _ = AnswerAsync(socket);
        }
    }

    private async Task AnswerAsync(Socket socket)
    {
        using (socket)
        {
            try
            {
                var buffer = new byte[8192];
                var length = 0;
                int headerEnd;
                while ((headerEnd = buffer.AsSpan(0, length).IndexOf("\r\n\r\n"u8)) < 0)
                {
                    var read = await socket.ReceiveAsync(buffer.AsMemory(length), _stop.Token);
                    if (read == 0)
                    {
                        return;
                    }

                    length += read;
                }

                // Read the request body (the SDK sends Content-Length) so closing does not reset the request.
                var head = Encoding.ASCII.GetString(buffer, 0, headerEnd);
                var declared = head.Split("\r\n").FirstOrDefault(line => line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase)) is { } line
                    ? int.Parse(line["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture)
                    : 0;
                var remaining = declared - (length - headerEnd - 4);
                while (remaining > 0)
                {
                    var read = await socket.ReceiveAsync(buffer, _stop.Token);
                    if (read == 0)
                    {
                        return;
                    }

                    remaining -= read;
                }

                Interlocked.Increment(ref _requests);
                await socket.SendAsync(_response, _stop.Token);
                socket.Shutdown(SocketShutdown.Both);
            }
            catch (Exception ex) when (ex is SocketException or IOException or OperationCanceledException or ObjectDisposedException)
            {
                // The client stopped reading the huge body and closed the connection: expected.
            }
        }
    }
}
