using BorderSecurity.Domain.Hosting;
using BorderSecurity.Domain.Marten;
using BorderSecurity.Domain.Storage;
using JasperFx;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BorderSecurity.Timeline;

/// <summary>
/// Interim: registers the Marten store until the Marten package's <c>UseMarten(connectionString)</c> lands; then
/// this file goes and the call becomes <c>services.AddBorderSecurity().UseMarten(connectionString)</c>.
/// </summary>
internal static class MartenInterim
{
    public static BorderSecurityBuilder UseMartenStore(this BorderSecurityBuilder builder, string connectionString)
    {
        builder.Services.AddSingleton<IDocumentStore>(_ => DocumentStore.For(options =>
        {
            options.Connection(connectionString);
            options.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
            options.AddBorderSecurity();
        }));
        builder.Services.Replace(ServiceDescriptor.Singleton<IBorderSecurityStore>(provider =>
        {
            var documentStore = provider.GetRequiredService<IDocumentStore>();
            documentStore.Storage.ApplyAllConfiguredChangesToDatabaseAsync().GetAwaiter().GetResult();
            return new MartenBorderSecurityStore(documentStore, clock: provider.GetService<IClock>());
        }));
        return builder;
    }
}
