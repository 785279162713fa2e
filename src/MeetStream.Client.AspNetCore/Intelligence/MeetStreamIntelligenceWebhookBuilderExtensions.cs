using System.Diagnostics.CodeAnalysis;
using MeetStream.Client.AspNetCore.Internal;
using MeetStream.Client.Keywords;
using MeetStream.Client.Outbound;
using MeetStream.Client.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MeetStream.Client.AspNetCore;

/// <summary>
/// Meeting intelligence on the webhook pipeline: live keyword alerts from the live transcript webhook, end-of-meeting
/// talk-time analytics, typed handlers for both, and forwarding to a <see cref="SignedWebhookSink"/>.
/// </summary>
/// <example>
/// <code>
/// builder.Services.AddMeetStreamClient(builder.Configuration.GetSection("MeetStream"));
/// builder.Services.AddMeetStreamWebhooks(builder.Configuration.GetSection("MeetStream:Webhooks"))
///     .AddKeywordSpotting([new KeywordDefinition("pricing", "sales"), new KeywordDefinition("cancel", "churn")])
///     .AddKeywordHitHandler&lt;AlertHandler&gt;()
///     .AddMeetingAnalytics(o =&gt; o.TalkTime = new TalkTimeOptions { BotName = "Notetaker" })
///     .AddMeetingAnalyticsHandler&lt;CrmHandler&gt;();
/// </code>
/// </example>
public static class MeetStreamIntelligenceWebhookBuilderExtensions
{
    /// <summary>
    /// Spots keywords in every live transcript chunk (<see cref="LiveTranscriptEvent"/>) with one
    /// <see cref="LiveKeywordSpotter"/> and raises each new <see cref="KeywordHit"/> to the keyword hit handlers; a
    /// bot's state is dropped at <c>bot.stopped</c> and <c>bot.done</c>. The <see cref="KeywordSpotter"/> and the
    /// <see cref="LiveKeywordSpotter"/> are registered as singletons too. Point the bots'
    /// <c>live_transcription_required.webhook_url</c> at the webhook endpoint.
    /// </summary>
    /// <param name="builder">The webhook builder.</param>
    /// <param name="keywords">The keywords and phrases; the spotter is built here, so a bad keyword fails at once.</param>
    /// <param name="options">Spotter settings (plurals, context words, the bot's name to ignore its speech, …).</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A keyword is invalid (from <see cref="KeywordSpotter"/>'s constructor).</exception>
    /// <exception cref="InvalidOperationException">Keyword spotting is already added.</exception>
    public static MeetStreamWebhookBuilder AddKeywordSpotting(this MeetStreamWebhookBuilder builder, IEnumerable<KeywordDefinition> keywords, KeywordSpotterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(keywords);
        if (builder.Services.Any(d => d.ServiceType == typeof(KeywordSpotter) && !d.IsKeyedService))
        {
            throw new InvalidOperationException("Keyword spotting is already added: call AddKeywordSpotting once, with every keyword (a KeywordSpotter matches thousands in one pass).");
        }

        var spotter = new KeywordSpotter(keywords, options);
        builder.Services.AddSingleton(spotter);
        builder.Services.AddSingleton(_ => spotter.CreateLiveSpotter());
        AddDispatcher(builder.Services);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Scoped<IMeetStreamWebhookHandler<LiveTranscriptEvent>, LiveKeywordSpottingHandler>());
        builder.Services.TryAddEnumerable(ServiceDescriptor.Scoped<IMeetStreamWebhookHandler<BotStoppedEvent>, LiveKeywordSpottingHandler>());
        builder.Services.TryAddEnumerable(ServiceDescriptor.Scoped<IMeetStreamWebhookHandler<BotDoneEvent>, LiveKeywordSpottingHandler>());
        return builder;
    }

    /// <summary>
    /// Computes each bot's end-of-meeting analytics once and raises a <see cref="MeetingAnalyticsResult"/> to the
    /// analytics handlers: at <c>transcription.processed</c> from the post-call transcript (fetched through
    /// <see cref="IMeetStreamClient"/>: also call <c>AddMeetStreamClient</c>), otherwise at <c>bot.done</c> from the
    /// transcript if one is ready by then or from the speaker timeline. With <c>AddKeywordSpotting</c>, the transcript's
    /// keyword hits are included and raised to the keyword hit handlers (<see cref="KeywordHit.IsLive"/> false).
    /// </summary>
    /// <param name="builder">The webhook builder.</param>
    /// <param name="configure">Adjusts the settings (talk-time options such as the bot's name, transcript id resolution).</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    public static MeetStreamWebhookBuilder AddMeetingAnalytics(this MeetStreamWebhookBuilder builder, Action<MeetingAnalyticsOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Services.AddOptions<MeetingAnalyticsOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.Validate(o => o.GetErrors().Count == 0, "MeetingAnalyticsOptions.MaxTrackedMeetings must be at least 1.").ValidateOnStart();
        builder.Services.TryAddSingleton(sp => new MeetingAnalyticsTracker(sp.GetRequiredService<IOptions<MeetingAnalyticsOptions>>().Value.MaxTrackedMeetings));
        AddDispatcher(builder.Services);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Scoped<IMeetStreamWebhookHandler<TranscriptionProcessedEvent>, MeetingAnalyticsHandler>());
        builder.Services.TryAddEnumerable(ServiceDescriptor.Scoped<IMeetStreamWebhookHandler<BotDoneEvent>, MeetingAnalyticsHandler>());
        return builder;
    }

    /// <summary>Registers a keyword hit handler class, created in the DI scope of the webhook event the hits came from.</summary>
    /// <typeparam name="THandler">The handler.</typeparam>
    /// <param name="builder">The webhook builder.</param>
    /// <returns>The builder.</returns>
    public static MeetStreamWebhookBuilder AddKeywordHitHandler<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] THandler>(this MeetStreamWebhookBuilder builder)
        where THandler : class, IKeywordHitHandler
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Scoped<IKeywordHitHandler, THandler>());
        return builder;
    }

    /// <summary>Registers a delegate that handles each keyword hit (for minimal APIs).</summary>
    /// <param name="builder">The webhook builder.</param>
    /// <param name="handler">Handles a hit; receives the event's scoped service provider.</param>
    /// <returns>The builder.</returns>
    public static MeetStreamWebhookBuilder OnKeywordHit(this MeetStreamWebhookBuilder builder, Func<KeywordHit, IServiceProvider, CancellationToken, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(handler);
        builder.Services.AddSingleton(new KeywordHitDelegate(handler));
        return builder;
    }

    /// <summary>Registers a meeting analytics handler class, created in the DI scope of the webhook event that ended the meeting.</summary>
    /// <typeparam name="THandler">The handler.</typeparam>
    /// <param name="builder">The webhook builder.</param>
    /// <returns>The builder.</returns>
    public static MeetStreamWebhookBuilder AddMeetingAnalyticsHandler<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] THandler>(this MeetStreamWebhookBuilder builder)
        where THandler : class, IMeetingAnalyticsHandler
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Scoped<IMeetingAnalyticsHandler, THandler>());
        return builder;
    }

    /// <summary>Registers a delegate that handles each meeting's analytics (for minimal APIs).</summary>
    /// <param name="builder">The webhook builder.</param>
    /// <param name="handler">Handles a result; receives the event's scoped service provider.</param>
    /// <returns>The builder.</returns>
    public static MeetStreamWebhookBuilder OnMeetingAnalytics(this MeetStreamWebhookBuilder builder, Func<MeetingAnalyticsResult, IServiceProvider, CancellationToken, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(handler);
        builder.Services.AddSingleton(new MeetingAnalyticsDelegate(handler));
        return builder;
    }

    /// <summary>
    /// Sends each keyword hit to a <see cref="SignedWebhookSink"/> registered with <c>AddSignedWebhookSink</c> (never
    /// waits: when the sink's queue is full the hit is dropped, counted by the sink and logged).
    /// </summary>
    /// <param name="builder">The webhook builder.</param>
    /// <param name="sinkName">The sink's name; <c>""</c> for the default sink.</param>
    /// <param name="format">The JSON document, or a Slack/Teams text message.</param>
    /// <returns>The builder.</returns>
    public static MeetStreamWebhookBuilder ForwardKeywordHits(this MeetStreamWebhookBuilder builder, string sinkName = "", ForwardedPayloadFormat format = ForwardedPayloadFormat.Json)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(sinkName);
        builder.Services.AddScoped<IKeywordHitHandler>(sp => new KeywordHitForwarder(
            Sink(sp, sinkName), format, sp.GetRequiredService<ILoggerFactory>().CreateLogger<KeywordHitForwarder>()));
        return builder;
    }

    /// <summary>Sends each meeting's analytics to a <see cref="SignedWebhookSink"/> registered with <c>AddSignedWebhookSink</c>.</summary>
    /// <param name="builder">The webhook builder.</param>
    /// <param name="sinkName">The sink's name; <c>""</c> for the default sink.</param>
    /// <param name="format">The JSON document (report text included), or a Slack/Teams text message with the report's bars.</param>
    /// <returns>The builder.</returns>
    public static MeetStreamWebhookBuilder ForwardMeetingAnalytics(this MeetStreamWebhookBuilder builder, string sinkName = "", ForwardedPayloadFormat format = ForwardedPayloadFormat.Json)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(sinkName);
        builder.Services.AddScoped<IMeetingAnalyticsHandler>(sp => new MeetingAnalyticsForwarder(
            Sink(sp, sinkName), format, sp.GetRequiredService<ILoggerFactory>().CreateLogger<MeetingAnalyticsForwarder>()));
        return builder;
    }

    private static SignedWebhookSink Sink(IServiceProvider services, string name) =>
        services.GetKeyedService<SignedWebhookSink>(name)
        ?? throw new InvalidOperationException($"No signed webhook sink named '{name}' is registered: call services.AddSignedWebhookSink({(name.Length == 0 ? string.Empty : "\"" + name + "\", ")}o => o.Endpoint = ...).");

    private static void AddDispatcher(IServiceCollection services)
    {
        services.TryAddSingleton<IntelligenceDispatcher>();
    }
}
