namespace Led.Toolkit.Learning;

/// <summary>The elementwise activations compiled decoders evaluate (<see cref="DecoderPipeline{T}"/>).</summary>
public enum DecoderActivation
{
    /// <summary>x.</summary>
    Identity,

    /// <summary>max(0, x) + α(exp(min(0, x)/α) − 1).</summary>
    Celu,

    /// <summary>max(0, x) + α(exp(min(0, x)) − 1).</summary>
    Elu,

    /// <summary>max(0, x).</summary>
    Relu,

    /// <summary>tanh x.</summary>
    Tanh,

    /// <summary>1 / (1 + e^−x).</summary>
    Sigmoid,

    /// <summary>(1 + tanh x) / 2.</summary>
    TanhPlus,
}
