using MeetStream.Client.Tests.Infrastructure;

[assembly: AssemblyFixture(typeof(WireMockServer))]
