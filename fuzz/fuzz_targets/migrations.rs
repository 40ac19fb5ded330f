//! libFuzzer entry for [`mizzle_fuzz::migrations`] (README.md).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| mizzle_fuzz::migrations(data));
