using Microsoft.Extensions.Options;

namespace MeetStream.Client.Outbound;

/// <summary>Checks every named <see cref="SignedWebhookSinkOptions"/> at start-up (through <c>ValidateOnStart</c>), each message naming the setting.</summary>
internal sealed class SignedWebhookSinkOptionsValidator : IValidateOptions<SignedWebhookSinkOptions>
{
    public ValidateOptionsResult Validate(string? name, SignedWebhookSinkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.GetErrors();
        return errors.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(errors.Select(e => $"Signed webhook sink '{(string.IsNullOrEmpty(name) ? "default" : name)}': {e}"));
    }
}
