using DatRules.Policies;

namespace DatRules.DependencyInjection;

/// <summary>One custom policy source: a policy built in code, a JSON text, or a JSON file (read when the catalog is built).</summary>
/// <param name="Name">The name used in failures: the JSON text's source name, or the file's full path.</param>
/// <param name="Policy">A policy built in code, or <see langword="null"/>.</param>
/// <param name="Json">A JSON text, or <see langword="null"/>.</param>
/// <param name="FilePath">The full path of a JSON file, or <see langword="null"/>.</param>
/// <param name="GivenPath">The path as given to <see cref="DatRulesBuilder.AddPolicyJsonFile"/>, or <see langword="null"/>.</param>
internal sealed record PolicySource(string Name, IndexPolicy? Policy = null, string? Json = null, string? FilePath = null, string? GivenPath = null);
