// Tests share torch's global generator and thread setting, so they run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
