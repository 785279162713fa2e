using Microsoft.Extensions.Options;

namespace MeetStream.Client;

/// <summary>
/// Checks <see cref="MeetStreamClientOptions"/> at start-up (through <c>ValidateOnStart</c>) and when a client is
/// built directly, so a missing key or a bad URL fails early with a message that names the setting.
/// </summary>
public sealed class MeetStreamClientOptionsValidator : IValidateOptions<MeetStreamClientOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, MeetStreamClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = GetErrors(options.Freeze());
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>Lists what is wrong with resolved options; empty when they are usable.</summary>
    internal static List<string> GetErrors(MeetStreamClientOptions resolved)
    {
        var errors = new List<string>();
        if (string.IsNullOrEmpty(resolved.ApiKey))
        {
            errors.Add($"No MeetStream API key is configured. Set MeetStreamClientOptions.ApiKey (configuration key 'ApiKey') or the {MeetStreamClientOptions.ApiKeyEnvironmentVariable} environment variable; create a key at https://app.meetstream.ai/api-key.");
        }
        else if (resolved.ApiKey.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            errors.Add("The MeetStream API key contains spaces or control characters; paste the key alone, without the 'Token ' prefix or line breaks.");
        }
        else if (resolved.ApiKey.StartsWith("Token", StringComparison.OrdinalIgnoreCase) && resolved.ApiKey.Length <= 6)
        {
            errors.Add("The MeetStream API key looks like the word 'Token' only; set the key itself, the SDK adds the 'Token ' prefix.");
        }

        var url = resolved.BaseUrl!;
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            errors.Add($"MeetStreamClientOptions.BaseUrl must be an absolute http(s) URL such as {MeetStreamClientOptions.DefaultBaseUrl}; got '{url}'.");
        }

        CheckPositive(errors, resolved.AttemptTimeout, nameof(MeetStreamClientOptions.AttemptTimeout));
        CheckPositive(errors, resolved.TotalTimeout, nameof(MeetStreamClientOptions.TotalTimeout));
        var retry = resolved.Retry;
        if (retry.MaxRetries is < 0 or > 10)
        {
            errors.Add($"MeetStreamRetryOptions.MaxRetries must be between 0 and 10; got {retry.MaxRetries}.");
        }

        if (retry.BaseDelay < TimeSpan.Zero || retry.MaxDelay < TimeSpan.Zero || retry.MaxRetryAfter < TimeSpan.Zero)
        {
            errors.Add("MeetStreamRetryOptions delays (BaseDelay, MaxDelay, MaxRetryAfter) must not be negative.");
        }

        return errors;
    }

    /// <summary>Throws <see cref="MeetStreamConfigurationException"/> listing every problem, if there is any.</summary>
    internal static void ThrowIfInvalid(MeetStreamClientOptions resolved)
    {
        var errors = GetErrors(resolved);
        if (errors.Count > 0)
        {
            throw new MeetStreamConfigurationException(string.Join(" ", errors));
        }
    }

    private static void CheckPositive(List<string> errors, TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero && value != Timeout.InfiniteTimeSpan)
        {
            errors.Add($"MeetStreamClientOptions.{name} must be positive (or Timeout.InfiniteTimeSpan); got {value}.");
        }
    }
}
