#include "integrations/files/fs_file_store.h"

#include <gtest/gtest.h>
#include <sodium.h>

#include <filesystem>
#include <fstream>
#include <random>

namespace textura::integrations {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kHelloKey =
    "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824";  // sha256("hello")

class FsFileStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_GE(sodium_init(), 0);
    std::mt19937_64 rng(std::random_device{}());
    root_ = fs::temp_directory_path() / ("textura-files-" + std::to_string(rng()));
    store_ = std::make_unique<FsFileStore>(root_.string());
  }
  void TearDown() override { fs::remove_all(root_); }

  std::size_t CountFiles(const fs::path& dir) {
    std::size_t n = 0;
    for (const auto& e : fs::recursive_directory_iterator(dir)) n += e.is_regular_file();
    return n;
  }

  std::string Store(std::string_view bytes) {
    auto key = store_->Put(bytes);
    EXPECT_TRUE(key.ok());
    return key.ok() ? *key : std::string();
  }

  fs::path root_;
  std::unique_ptr<FsFileStore> store_;
};

TEST_F(FsFileStoreTest, StoresUnderTheSha256OfTheBytes) {
  auto file = store_->Begin();
  ASSERT_TRUE(file.ok());
  ASSERT_TRUE((*file)->Append(std::string_view("hel")).ok());
  ASSERT_TRUE((*file)->Append(std::string_view("lo")).ok());
  EXPECT_EQ((*file)->size(), 5u);
  EXPECT_EQ((*file)->head(), "hello");
  EXPECT_EQ(CountFiles(root_ / "tmp"), 1u);
  auto key = (*file)->Finish();
  ASSERT_TRUE(key.ok());
  EXPECT_EQ(*key, kHelloKey);
  ASSERT_TRUE(store_->Commit(**file).ok());
  file->reset();
  EXPECT_TRUE(fs::exists(root_ / "2c" / "f2" / std::string(kHelloKey)));
  EXPECT_EQ(CountFiles(root_ / "tmp"), 0u);
  EXPECT_EQ(store_->LocalPath(kHelloKey), (root_ / "2c" / "f2" / std::string(kHelloKey)).string());
}

TEST_F(FsFileStoreTest, AnAbandonedFileLeavesNothing) {
  {
    auto file = store_->Begin();
    ASSERT_TRUE(file.ok());
    ASSERT_TRUE((*file)->Append(std::string(100000, 'x')).ok());
    EXPECT_EQ(CountFiles(root_), 1u);
  }
  {
    auto file = store_->Begin();
    ASSERT_TRUE((*file)->Append(std::string_view("finished, never committed")).ok());
    ASSERT_TRUE((*file)->Finish().ok());
  }
  EXPECT_EQ(CountFiles(root_), 0u);
}

TEST_F(FsFileStoreTest, TheSameBytesAreStoredOnce) {
  EXPECT_EQ(Store("hello"), kHelloKey);
  EXPECT_EQ(Store("hello"), kHelloKey);
  Store("other bytes");
  EXPECT_EQ(CountFiles(root_), 2u);
}

TEST_F(FsFileStoreTest, ReadsRanges) {
  const std::string key = Store("0123456789");
  auto reader = store_->Open(key);
  ASSERT_TRUE(reader.ok());
  EXPECT_EQ((*reader)->size(), 10u);
  std::string buf(4, '\0');
  auto n = (*reader)->ReadAt(3, buf);
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(*n, 4u);
  EXPECT_EQ(buf, "3456");
  EXPECT_EQ(*(*reader)->ReadAt(10, buf), 0u);

  EXPECT_EQ(store_->Open(std::string(64, 'a')).error().code, core::ErrorCode::kNotFound);
  // Keys never become paths unless they are keys.
  for (const char* bad : {"../../etc/passwd", "",
                          "2CF24DBA5FB0A30E26E83B2AC5B9E29E1B161E5C1FA7425E73043362938B9824"}) {
    EXPECT_EQ(store_->Open(bad).error().code, core::ErrorCode::kNotFound) << bad;
    EXPECT_FALSE(store_->LocalPath(bad));
  }
}

TEST_F(FsFileStoreTest, AReaderKeepsReadingAfterTheFileIsDeleted) {
  const std::string key = Store("still here");
  auto reader = store_->Open(key);
  ASSERT_TRUE(store_->DeleteIfUnreferenced(key, [] { return true; }).ok());
  EXPECT_FALSE(store_->Open(key).ok());
  std::string buf(10, '\0');
  EXPECT_EQ(*(*reader)->ReadAt(0, buf), 10u);
  EXPECT_EQ(buf, "still here");
}

TEST_F(FsFileStoreTest, DeletesOnlyWhenStillUnreferenced) {
  const std::string key = Store("hello");
  ASSERT_TRUE(store_->DeleteIfUnreferenced(key, [] { return false; }).ok());
  EXPECT_TRUE(store_->Open(key).ok()) << "a referenced file goes back in place";
  EXPECT_EQ(CountFiles(root_ / "trash"), 0u);

  // While the file is aside, a writer storing the same bytes puts its own copy back.
  ASSERT_TRUE(store_
                  ->DeleteIfUnreferenced(key,
                                         [&] {
                                           EXPECT_FALSE(store_->Open(key).ok());
                                           Store("hello");
                                           return false;
                                         })
                  .ok());
  EXPECT_TRUE(store_->Open(key).ok());

  ASSERT_TRUE(store_->DeleteIfUnreferenced(key, [] { return true; }).ok());
  EXPECT_FALSE(store_->Open(key).ok());
  EXPECT_EQ(CountFiles(root_), 0u);
  // Deleting what is not there is fine.
  EXPECT_TRUE(store_->DeleteIfUnreferenced(key, [] { return true; }).ok());
}

TEST_F(FsFileStoreTest, ListsKeysAndCleansUpAfterCrashes) {
  const std::string a = Store("a");
  const std::string b = Store("b");
  std::vector<std::string> keys;
  store_->ForEachKey([&](const std::string& k) { keys.push_back(k); });
  std::sort(keys.begin(), keys.end());
  std::vector<std::string> expected{a, b};
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(keys, expected);

  // A crash mid-upload leaves a temporary file; a crash mid-delete leaves one aside.
  std::ofstream(root_ / "tmp" / "upload-crashed") << "partial";
  fs::rename(root_ / a.substr(0, 2) / a.substr(2, 2) / a, root_ / "trash" / (a + ".abc123"));
  store_->RemoveStaleTemporaries(std::chrono::seconds(3600));
  EXPECT_EQ(CountFiles(root_ / "tmp"), 1u) << "recent temporaries may be uploads in progress";
  store_->RemoveStaleTemporaries(std::chrono::seconds(-1));
  EXPECT_EQ(CountFiles(root_ / "tmp"), 0u);
  EXPECT_EQ(CountFiles(root_ / "trash"), 0u);
  EXPECT_TRUE(store_->Open(a).ok()) << "a file left aside goes back for the next sweep to judge";
}

}  // namespace
}  // namespace textura::integrations
