namespace Led.Abstractions.Learning;

/// <summary>
/// A trainable component whose parameters have other names in the authors' Python implementation: importing a PyTorch
/// state dict maps each of our names (keys) to the reference's (values); names not listed are the same.
/// </summary>
public interface IReferenceParameterNames
{
    /// <summary>Our parameter name (key) to the reference implementation's (value).</summary>
    IReadOnlyDictionary<string, string> ReferenceNames { get; }
}
