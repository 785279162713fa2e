namespace MeetStream.Client.Lambda.Tests.Infrastructure;

/// <summary>The Node.js servers as xunit assembly fixtures: started once before the first test, stopped after the last.</summary>
public abstract partial class NodeServer : IAsyncLifetime;
