#[cfg(target_arch = "wasm32")]
fn main() {
    phuluc_cchc::app::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Phụ lục CCHC chạy trong trình duyệt: dùng `trunk serve` (xem README.md).");
}
