namespace Led.Core.Training;

/// <summary>
/// A tensor declared in a PyTorch archive's <c>data.pkl</c> (<see cref="PickleTensorScan"/>): its storage record
/// (<c>data/&lt;Key&gt;</c>), storage class (e.g. <c>DoubleStorage</c>) and declared elements, and its view into it.
/// </summary>
public sealed record TensorDeclaration(string Key, string StorageType, long StorageElements, long Offset, long[] Size, long[] Stride);
