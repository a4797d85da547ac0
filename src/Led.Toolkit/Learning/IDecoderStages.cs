namespace Led.Toolkit.Learning;

/// <summary>The stages every compiled decoder offers, which <see cref="DecoderModules.TryAddCommon"/> appends for the modules that map to them.</summary>
public interface IDecoderStages
{
    /// <summary>y = W x + b on the whole activation (flattened), W row-major <c>[out, in]</c>.</summary>
    void Dense(double[] weight, double[] bias);

    /// <summary>An elementwise activation (<paramref name="alpha"/>: CELU's and ELU's α).</summary>
    void Activation(DecoderActivation kind, double alpha = 1.0);
}
