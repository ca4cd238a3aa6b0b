using Marten;

namespace BorderSecurity.Domain.Marten;

/// <summary>
/// The Marten store the model runs in when registered with <c>services.AddBorderSecurity().UseMarten(...)</c>: a
/// store of its own (Marten's <c>AddMartenStore</c>), separate from the host's <see cref="IDocumentStore"/>.
/// </summary>
public interface IBorderSecurityDocumentStore : IDocumentStore;
