using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using MeetStream.Client.Webhooks;

namespace MeetStream.Client.Benchmarks;

/// <summary>
/// Verifying a signed 1 KB delivery (header lookup, prefix and hex decoding, HMAC-SHA256 with constant-time compare,
/// timestamp window) against the bare cryptography on the same bytes: <c>HMACSHA256.HashData</c> plus
/// <c>CryptographicOperations.FixedTimeEquals</c>.
/// </summary>
[MemoryDiagnoser]
public class WebhookSignatureBenchmarks
{
    private const string Secret = "whsec_benchmark_secret";
    private readonly byte[] _key = Encoding.UTF8.GetBytes(Secret);
    private readonly byte[] _expected = new byte[32];
    private byte[] _body = [];
    private string _signature = string.Empty;
    private string _timestamp = string.Empty;
    private WebhookValidator _validator = null!;
    private Func<string, string?> _headers = null!;

    [GlobalSetup]
    public void Setup()
    {
        // A realistic ending event padded to exactly 1 KB of valid JSON.
        const string head = """{"event":"bot.stopped","bot_event":"bot.kicked","bot_id":"6667fd0c-0165-471a-a880-06a1180be377","bot_status":"Stopped","message":"Bot was removed by a participant","status_code":200,"timestamp":"2026-06-18T17:09:00.000Z","custom_attributes":{"notes":""";
        const string tail = "\"}}";
        _body = Encoding.UTF8.GetBytes(head + "\"" + new string('x', 1024 - head.Length - 1 - tail.Length) + tail);
        _signature = WebhookValidator.ComputeSignature(_body, Secret);
        HMACSHA256.HashData(_key, _body, _expected);
        _timestamp = DateTimeOffset.UtcNow.ToString("O");
        _validator = new WebhookValidator(new WebhookValidatorOptions { SigningSecrets = { Secret } });
        _headers = name => name == WebhookValidator.SignatureHeaderName ? _signature : _timestamp;
        if (!_validator.Validate(_body, _headers).IsValid)
        {
            throw new InvalidOperationException("The benchmark delivery does not validate.");
        }
    }

    /// <summary>The floor: one HMAC-SHA256 over the body and a constant-time compare.</summary>
    [Benchmark(Baseline = true)]
    public bool HashDataAndFixedTimeEquals()
    {
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(_key, _body, mac);
        return CryptographicOperations.FixedTimeEquals(mac, _expected);
    }

    /// <summary>The SDK's full check of a signed delivery.</summary>
    [Benchmark]
    public bool WebhookValidatorValidate() => _validator.Validate(_body, _headers).IsValid;
}
