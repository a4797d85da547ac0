namespace Led.Autoencoders.Convolutional;

/// <summary>The elementwise activations the compiled decoder (<see cref="ConvFastDecoder{T}"/>) evaluates.</summary>
internal enum DecoderActivation
{
    Identity,
    Celu,
    Elu,
    Relu,
    Tanh,
    Sigmoid,
    TanhPlus,
}
