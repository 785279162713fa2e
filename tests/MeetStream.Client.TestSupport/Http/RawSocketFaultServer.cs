using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace MeetStream.Client.Tests.Infrastructure;

/// <summary>
/// A tiny HTTP/1.1 front on a raw <see cref="TcpListener"/> (127.0.0.1, free port) for the network faults WireMock.Net
/// cannot produce. It reads each request off the socket, forwards it to the WireMock.Net server (which matches it,
/// runs its scenarios and journals it) and relays the answer, unless the matched stub carries
/// <see cref="FaultHeader"/>: then it does that to the client's connection instead (reset, close without a byte,
/// garbage, a broken chunk, or silence). Connections are kept alive, so faults also hit pooled connections.
/// </summary>
public sealed class RawSocketFaultServer : IAsyncDisposable
{
    /// <summary>Response header by which a WireMock.Net stub asks for a <see cref="StubFault"/>.</summary>
    public const string FaultHeader = "X-Stub-Fault";

    private static readonly byte[] Garbage = Encoding.ASCII.GetBytes("lskdu018973t09sylgasjkfg1][]'./.sdlv\r\n\x00\x01\x02garbage");

    private static readonly HashSet<string> HopByHop = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "Connection", "Keep-Alive", "Transfer-Encoding", "Content-Length", "Expect", "Proxy-Connection", "TE", "Upgrade", "Trailer",
    };

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<Socket, byte> _connections = new();
    private readonly HttpClient _upstream;
    private readonly Uri _upstreamRoot;
    private readonly Task _acceptLoop;

    /// <summary>Starts listening and forwarding to <paramref name="upstreamRoot"/>.</summary>
    /// <param name="upstreamRoot">The WireMock.Net server root.</param>
    public RawSocketFaultServer(Uri upstreamRoot)
    {
        _upstreamRoot = upstreamRoot;
        _upstream = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            UseProxy = false,
            AutomaticDecompression = DecompressionMethods.None,
        })
        { Timeout = Timeout.InfiniteTimeSpan };
        _listener.Start();
        Root = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture)}");
        _acceptLoop = AcceptLoopAsync();
    }

    /// <summary>Gets the front's root, e.g. <c>http://127.0.0.1:54322</c>.</summary>
    public Uri Root { get; }

    /// <summary>Stops listening and closes every open connection.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        foreach (var socket in _connections.Keys)
        {
            socket.Dispose();
        }

        try
        {
            await _acceptLoop;
        }
        catch (OperationCanceledException)
        {
        }

        _upstream.Dispose();
        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _connections[socket] = 0;
            _ = Task.Run(() => ServeAsync(socket));
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        var token = _stop.Token;
        try
        {
            socket.NoDelay = true;
            await using var stream = new NetworkStream(socket, ownsSocket: false);
            var reader = new RequestReader(stream);
            while (await reader.ReadAsync(token) is { } request)
            {
                using var response = await ForwardAsync(request, token);
                if (response.Headers.TryGetValues(FaultHeader, out var faults) && Enum.TryParse<StubFault>(faults.First(), out var fault) && fault != StubFault.None)
                {
                    await FaultAsync(socket, stream, fault, (int)response.StatusCode, token);
                    return;
                }

                await RelayAsync(stream, request, response, token);
                if (request.Close)
                {
                    socket.Shutdown(SocketShutdown.Both);
                    return;
                }
            }
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException or HttpRequestException)
        {
            // The client went away or the fixture is stopping.
        }
        finally
        {
            _connections.TryRemove(socket, out _);
            socket.Dispose();
        }
    }

    private async Task<HttpResponseMessage> ForwardAsync(ParsedRequest request, CancellationToken token)
    {
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), new Uri(_upstreamRoot, request.Target));
        message.Headers.TryAddWithoutValidation(WireMockServer.RawTargetHeader, request.Target);
        var content = new ByteArrayContent(request.Body);
        var hasContent = request.Body.Length > 0;
        foreach (var (name, value) in request.Headers)
        {
            if (HopByHop.Contains(name))
            {
                continue;
            }

            if (!message.Headers.TryAddWithoutValidation(name, value))
            {
                content.Headers.TryAddWithoutValidation(name, value);
                hasContent = true;
            }
        }

        if (hasContent)
        {
            message.Content = content;
        }
        else
        {
            content.Dispose();
        }

        return await _upstream.SendAsync(message, HttpCompletionOption.ResponseContentRead, token);
    }

    private static async Task RelayAsync(NetworkStream stream, ParsedRequest request, HttpResponseMessage response, CancellationToken token)
    {
        var body = await response.Content.ReadAsByteArrayAsync(token);
        var head = new StringBuilder();
        head.Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {(int)response.StatusCode} {response.ReasonPhrase}\r\n");
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            if (!HopByHop.Contains(name))
            {
                head.Append(CultureInfo.InvariantCulture, $"{name}: {string.Join(", ", values)}\r\n");
            }
        }

        var sendsBody = request.Method != "HEAD";
        head.Append(CultureInfo.InvariantCulture, $"Content-Length: {body.Length}\r\n");
        if (request.Close)
        {
            head.Append("Connection: close\r\n");
        }

        head.Append("\r\n");
        await stream.WriteAsync(Encoding.Latin1.GetBytes(head.ToString()), token);
        if (sendsBody)
        {
            await stream.WriteAsync(body, token);
        }

        await stream.FlushAsync(token);
    }

    private static async Task FaultAsync(Socket socket, NetworkStream stream, StubFault fault, int status, CancellationToken token)
    {
        switch (fault)
        {
            case StubFault.ConnectionResetByPeer:
                socket.LingerState = new LingerOption(true, 0);
                socket.Close();
                break;

            case StubFault.EmptyResponse:
                socket.Shutdown(SocketShutdown.Both);
                break;

            case StubFault.MalformedResponseChunk:
                var head = Encoding.ASCII.GetBytes($"HTTP/1.1 {status.ToString(CultureInfo.InvariantCulture)} OK\r\nTransfer-Encoding: chunked\r\n\r\n");
                await stream.WriteAsync(head, token);
                await stream.WriteAsync(Garbage, token);
                await stream.FlushAsync(token);
                socket.Shutdown(SocketShutdown.Both);
                break;

            case StubFault.RandomDataThenClose:
                await stream.WriteAsync(Garbage, token);
                await stream.FlushAsync(token);
                socket.Shutdown(SocketShutdown.Both);
                break;

            case StubFault.NoResponse:
                // Hold the connection until the client gives up or the fixture stops.
                var sink = new byte[1024];
                while (await stream.ReadAsync(sink, token) > 0)
                {
                }

                break;

            default:
                throw new ArgumentOutOfRangeException(nameof(fault), fault, "Not a network fault.");
        }
    }

    private sealed record ParsedRequest(string Method, string Target, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[] Body, bool Close);

    /// <summary>Reads HTTP/1.1 requests (Content-Length or chunked bodies) off a stream, one after another.</summary>
    private sealed class RequestReader(NetworkStream stream)
    {
        private byte[] _buffer = new byte[16 * 1024];
        private int _start;
        private int _end;

        public async Task<ParsedRequest?> ReadAsync(CancellationToken token)
        {
            var headLine = await ReadLineAsync(token);
            while (headLine is { Length: 0 })
            {
                headLine = await ReadLineAsync(token);
            }

            if (headLine is null)
            {
                return null;
            }

            var parts = headLine.Split(' ');
            if (parts.Length < 3)
            {
                throw new IOException("Not an HTTP request line: " + headLine);
            }

            var headers = new List<KeyValuePair<string, string>>();
            while (await ReadLineAsync(token) is { Length: > 0 } line)
            {
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0)
                {
                    headers.Add(new(line[..colon].Trim(), line[(colon + 1)..].Trim()));
                }
            }

            string? Header(string name) => headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

            byte[] body;
            if (Header("Transfer-Encoding")?.Contains("chunked", StringComparison.OrdinalIgnoreCase) == true)
            {
                using var chunks = new MemoryStream();
                while (true)
                {
                    var sizeLine = await ReadLineAsync(token) ?? throw new IOException("The request body ended early.");
                    var size = int.Parse(sizeLine.Split(';')[0].Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                    if (size == 0)
                    {
                        while (await ReadLineAsync(token) is { Length: > 0 })
                        {
                        }

                        break;
                    }

                    chunks.Write(await ReadBytesAsync(size, token));
                    await ReadLineAsync(token);
                }

                body = chunks.ToArray();
            }
            else
            {
                var length = Header("Content-Length") is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : 0;
                body = await ReadBytesAsync(length, token);
            }

            var close = Header("Connection")?.Contains("close", StringComparison.OrdinalIgnoreCase) == true;
            return new ParsedRequest(parts[0], parts[1], headers, body, close);
        }

        private async Task<string?> ReadLineAsync(CancellationToken token)
        {
            while (true)
            {
                var newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
                if (newline >= 0)
                {
                    var length = newline - _start;
                    if (length > 0 && _buffer[newline - 1] == '\r')
                    {
                        length--;
                    }

                    var line = Encoding.Latin1.GetString(_buffer, _start, length);
                    _start = newline + 1;
                    return line;
                }

                if (!await FillAsync(token))
                {
                    return null;
                }
            }
        }

        private async Task<byte[]> ReadBytesAsync(int count, CancellationToken token)
        {
            while (_end - _start < count)
            {
                if (!await FillAsync(token))
                {
                    throw new IOException("The request body ended early.");
                }
            }

            var bytes = _buffer.AsSpan(_start, count).ToArray();
            _start += count;
            return bytes;
        }

        private async Task<bool> FillAsync(CancellationToken token)
        {
            if (_start > 0)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }

            if (_end == _buffer.Length)
            {
                Array.Resize(ref _buffer, _buffer.Length * 2);
            }

            var read = await stream.ReadAsync(_buffer.AsMemory(_end), token);
            _end += read;
            return read > 0;
        }
    }
}
