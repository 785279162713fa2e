using MeetStream.Client.Webhooks;
using Microsoft.Extensions.Options;

namespace MeetStream.Client.AspNetCore.Internal;

/// <summary>Checks <see cref="MeetStreamWebhookOptions"/> at start-up, with messages that name the setting and the rule.</summary>
internal sealed class MeetStreamWebhookOptionsValidator : IValidateOptions<MeetStreamWebhookOptions>
{
    public ValidateOptionsResult Validate(string? name, MeetStreamWebhookOptions options)
    {
        var failures = new List<string>();
        try
        {
            _ = new WebhookValidator(options);
        }
        catch (ArgumentException ex)
        {
            failures.Add("MeetStream webhooks: " + ex.Message.Split(" (Parameter", 2)[0]);
        }

        if (options.MaxBodyBytes <= 0)
        {
            failures.Add($"MeetStream webhooks: {nameof(options.MaxBodyBytes)} must be positive; got {options.MaxBodyBytes}.");
        }

        if (options.QueueCapacity <= 0)
        {
            failures.Add($"MeetStream webhooks: {nameof(options.QueueCapacity)} must be positive; got {options.QueueCapacity}.");
        }

        if (options.EnqueueTimeout <= TimeSpan.Zero)
        {
            failures.Add($"MeetStream webhooks: {nameof(options.EnqueueTimeout)} must be positive; got {options.EnqueueTimeout}.");
        }

        if (options.DeduplicationCapacity <= 0)
        {
            failures.Add($"MeetStream webhooks: {nameof(options.DeduplicationCapacity)} must be positive; got {options.DeduplicationCapacity}.");
        }

        if (options.DeduplicationExpiry <= TimeSpan.Zero)
        {
            failures.Add($"MeetStream webhooks: {nameof(options.DeduplicationExpiry)} must be positive; got {options.DeduplicationExpiry}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
