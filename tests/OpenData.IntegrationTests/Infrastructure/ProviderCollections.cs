namespace OpenData.IntegrationTests.Infrastructure;

// Every integration test class exists twice: once per database provider. Derive a "<Name>Sqlite" and a
// "<Name>Postgres" class from the abstract tests, each with IClassFixture of its factory.
public interface IProviderTests;
