using System.Security.Cryptography;
using System.Text;

namespace MeetStream.Client.AspNetCore.Internal;

/// <summary>
/// Checks the <c>token</c> query parameter against every configured token in constant time: both sides are hashed
/// with SHA-256 (equal lengths whatever the input) and every token is compared, so neither the position of the first
/// difference nor which token matched shows in the timing.
/// </summary>
internal sealed class BridgeAccessTokens
{
    private const int MaxTokenLength = 1024;

    private readonly byte[][] _hashes;
    private readonly bool _allowAnonymous;

    public BridgeAccessTokens(MeetStreamBridgeOptions options)
    {
        _hashes = options.AccessTokens.Select(Hash).ToArray();
        _allowAnonymous = options.AllowAnonymous && _hashes.Length == 0;
    }

    public enum Result
    {
        Accepted,
        Missing,
        Invalid,
    }

    public Result Check(string? token)
    {
        if (_allowAnonymous)
        {
            return Result.Accepted;
        }

        if (string.IsNullOrEmpty(token))
        {
            return Result.Missing;
        }

        if (token.Length > MaxTokenLength)
        {
            return Result.Invalid;
        }

        var presented = Hash(token);
        var match = 0;
        foreach (var hash in _hashes)
        {
            match |= CryptographicOperations.FixedTimeEquals(presented, hash) ? 1 : 0;
        }

        return match == 1 ? Result.Accepted : Result.Invalid;
    }

    private static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}
