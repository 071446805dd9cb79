using MemoryReview;

var app = MemoryReviewApp.Create(args);
await MemoryReviewApp.SeedAsync(app.Services);
await app.RunAsync();
