using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace MeetStream.Client.AspNetCore.Internal;

/// <summary>Adds the WebSocket middleware at the start of the pipeline, so <c>MapMeetStreamBridge</c> works without <c>app.UseWebSockets()</c> (a second one is harmless).</summary>
internal sealed class BridgeWebSocketsStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseWebSockets();
        next(app);
    };
}
