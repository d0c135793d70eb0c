<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id" sourcelanguage="en">
<context>
    <name>Accounts</name>
    <message>
        <location filename="../../pst_desktop/admin/accounts.py" line="+41"/>
        <source>The password needs at least 8 characters.</source>
        <translation>Kata sandi minimal 8 karakter.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>An administrator account already exists.</source>
        <translation>Akun administrator sudah ada.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Use letters, digits, dots, dashes or underscores for the username.</source>
        <translation>Nama pengguna hanya boleh berisi huruf, angka, titik, tanda hubung, atau garis bawah.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>This username is taken.</source>
        <translation>Nama pengguna ini sudah dipakai.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter the staff member&apos;s name.</source>
        <translation>Isi nama pegawai.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Unknown role.</source>
        <translation>Peran tidak dikenal.</translation>
    </message>
    <message>
        <location line="+41"/>
        <location line="+21"/>
        <source>Wrong username or password.</source>
        <translation>Nama pengguna atau kata sandi salah.</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Too many failed attempts; try again in {minutes} minutes or ask the admin.</source>
        <translation>Terlalu banyak percobaan gagal; coba lagi dalam {minutes} menit atau hubungi administrator.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Too many failed attempts; the account is locked for 15 minutes.</source>
        <translation>Terlalu banyak percobaan gagal; akun dikunci selama 15 menit.</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>You cannot deactivate your own account.</source>
        <translation>Anda tidak dapat menonaktifkan akun Anda sendiri.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>No such account.</source>
        <translation>Akun tidak ditemukan.</translation>
    </message>
</context>
<context>
    <name>AccountsTab</name>
    <message>
        <location filename="../../ui/admin/accounts_tab.py" line="+32"/>
        <source>Username</source>
        <extracomment>the account to select once the list read after a change comes</extracomment>
        <translation>Nama pengguna</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Role</source>
        <translation>Peran</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Accounts</source>
        <translation>Akun</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose a role…</source>
        <translation>Pilih peran…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>at least 8 characters</source>
        <translation>minimal 8 karakter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Create account</source>
        <translation>&amp;Buat akun</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Set r&amp;ole</source>
        <translation>Ubah &amp;peran</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reset &amp;password</source>
        <translation>Atur ulang &amp;kata sandi</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+61"/>
        <source>&amp;Deactivate</source>
        <translation>&amp;Nonaktifkan</translation>
    </message>
    <message>
        <location line="-59"/>
        <source>&amp;Username</source>
        <translation>Nama pen&amp;gguna</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Full &amp;name</source>
        <translation>Nama &amp;lengkap</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ro&amp;le</source>
        <translation>P&amp;eran</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pass&amp;word</source>
        <translation>Kata &amp;sandi</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Select an account in the list to change its role, reset its password (type the new one above) or deactivate it.</source>
        <translation>Pilih akun di daftar untuk mengubah perannya, mengatur ulang kata sandinya (ketik yang baru di atas) atau menonaktifkannya.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Account</source>
        <translation>Akun</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Staff accounts</source>
        <translation>Akun pegawai</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>active</source>
        <translation>aktif</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>inactive</source>
        <translation>nonaktif</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>&amp;Activate</source>
        <translation>&amp;Aktifkan</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Choose the account&apos;s role first.</source>
        <translation>Pilih dulu peran akun ini.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The account {name} is created.</source>
        <translation>Akun {name} sudah dibuat.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Select an account in the list first.</source>
        <translation>Pilih dulu akun di daftar.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The role of {name} is changed.</source>
        <translation>Peran {name} sudah diubah.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The password of {name} is reset.</source>
        <translation>Kata sandi {name} sudah diatur ulang.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{name} is active again.</source>
        <translation>{name} aktif kembali.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{name} is deactivated.</source>
        <translation>{name} sudah dinonaktifkan.</translation>
    </message>
</context>
<context>
    <name>AdminCheckDialog</name>
    <message>
        <location filename="../../ui/connection_settings.py" line="+42"/>
        <source>PST Desktop — Connection settings</source>
        <translation>PST Desktop — Pengaturan koneksi</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only an administrator may change this PC&apos;s database server. Sign in as one.</source>
        <translation>Hanya administrator yang boleh mengubah server basis data PC ini. Masuk sebagai administrator.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Continue</source>
        <translation>Lanjut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Administrator&apos;s &amp;username</source>
        <translation>&amp;Nama pengguna administrator</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Password</source>
        <translation>&amp;Kata sandi</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Enter the administrator&apos;s username and password.</source>
        <translation>Masukkan nama pengguna dan kata sandi administrator.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The database cannot be reached. Try again.</source>
        <translation>Basis data tidak dapat dihubungi. Coba lagi.</translation>
    </message>
</context>
<context>
    <name>AdminTab</name>
    <message>
        <location filename="../../ui/admin/base.py" line="+155"/>
        <source>The database did not answer ({reason}). Nothing was saved; try again when the connection is back.</source>
        <translation>Basis data tidak merespons ({reason}). Tidak ada yang disimpan; coba lagi setelah koneksi kembali.</translation>
    </message>
    <message>
        <location line="-33"/>
        <source>The database did not answer ({reason}); the list is not up to date. It is read again after your next change.</source>
        <translation>Basis data tidak merespons ({reason}); daftar ini belum terbaru. Daftar dibaca ulang setelah perubahan berikutnya.</translation>
    </message>
</context>
<context>
    <name>AdminWindow</name>
    <message>
        <location filename="../../ui/admin/window.py" line="+54"/>
        <source>Accounts</source>
        <translation>Akun</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Services</source>
        <translation>Layanan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Desks</source>
        <translation>Loket</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Office &amp;&amp; hours</source>
        <translation>Kantor &amp;&amp; jam</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closure days</source>
        <translation>Hari libur kantor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rating &amp;&amp; board</source>
        <translation>Penilaian &amp;&amp; papan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Surveys</source>
        <translation>Survei</translation>
    </message>
</context>
<context>
    <name>Administration</name>
    <message>
        <location filename="../../pst_desktop/admin/administration.py" line="+255"/>
        <source>The logo is larger than 512 KB; choose a smaller picture.</source>
        <translation>Logo lebih besar dari 512 KB; pilih gambar yang lebih kecil.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The logo must be a PNG or JPEG picture.</source>
        <translation>Logo harus berupa gambar PNG atau JPEG.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Unknown time zone; use a name like Asia/Jakarta, Asia/Makassar or Asia/Jayapura.</source>
        <translation>Zona waktu tidak dikenal; gunakan nama seperti Asia/Jakarta, Asia/Makassar atau Asia/Jayapura.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Use 1–40 lowercase letters, digits or underscores for the code.</source>
        <translation>Gunakan 1–40 huruf kecil, angka atau garis bawah untuk kode.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The prefix is 1 to 3 capital letters, e.g. K.</source>
        <translation>Awalan berupa 1 sampai 3 huruf kapital, mis. K.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Enter the service&apos;s name.</source>
        <translation>Isi nama layanan.</translation>
    </message>
    <message>
        <source>The name is too long (at most 120 characters).</source>
        <translation type="vanished">Nama terlalu panjang (maksimal 120 karakter).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The order is a number from 0 up.</source>
        <translation>Urutan berupa angka mulai 0.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Another service already has this code.</source>
        <translation>Layanan lain sudah memakai kode ini.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Another service already uses this prefix.</source>
        <translation>Layanan lain sudah memakai awalan ini.</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Enter the desk&apos;s name.</source>
        <translation>Isi nama loket.</translation>
    </message>
    <message>
        <source>The name is too long (at most 80 characters).</source>
        <translation type="vanished">Nama terlalu panjang (maksimal 80 karakter).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Another desk already has this name.</source>
        <translation>Loket lain sudah memakai nama ini.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Choose services of this office only.</source>
        <translation>Pilih hanya layanan kantor ini.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>An open desk serves at least one service.</source>
        <translation>Loket yang buka melayani minimal satu layanan.</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Enter the office&apos;s name.</source>
        <translation>Isi nama kantor.</translation>
    </message>
    <message>
        <source>The name is too long (at most 200 characters).</source>
        <translation type="vanished">Nama terlalu panjang (maksimal 200 karakter).</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>The desk must open before it closes.</source>
        <translation>Jam buka harus sebelum jam tutup.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Open the desk on at least one day of the week.</source>
        <translation>Buka layanan minimal satu hari dalam seminggu.</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Give the reason, e.g. the decree or the office event.</source>
        <translation>Isi alasannya, mis. SK atau kegiatan kantor.</translation>
    </message>
    <message>
        <source>The reason is too long (at most 200 characters).</source>
        <translation type="vanished">Alasan terlalu panjang (maksimal 200 karakter).</translation>
    </message>
    <message>
        <location line="-421"/>
        <source>This office does not exist.</source>
        <extracomment>the keys of ``OfficeSetting`` a sentinel: keep the stored logo as it is</extracomment>
        <translation>Kantor ini tidak ditemukan.</translation>
    </message>
    <message>
        <location line="+432"/>
        <source>This day is in the office&apos;s list already; remove it first.</source>
        <translation>Hari ini sudah ada di daftar kantor; hapus dulu.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>This day is not in the office&apos;s list.</source>
        <translation>Hari ini tidak ada di daftar kantor.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Enter the question the rating screen asks.</source>
        <translation>Isi pertanyaan yang ditampilkan layar penilaian.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The question is too long (at most 200 characters).</source>
        <translation>Pertanyaan terlalu panjang (maksimal 200 karakter).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The scale runs from 1 up to a number from 2 to 10.</source>
        <translation>Skala dimulai dari 1 sampai angka antara 2 dan 10.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The running text is too long (at most 300 characters).</source>
        <translation>Teks berjalan terlalu panjang (maksimal 300 karakter).</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>The kiosk PIN is 4 to 8 digits.</source>
        <translation>PIN kios terdiri atas 4 sampai 8 angka.</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>No such service.</source>
        <translation>Layanan tidak ditemukan.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No such desk.</source>
        <translation>Loket tidak ditemukan.</translation>
    </message>
</context>
<context>
    <name>Announcer</name>
    <message>
        <location filename="../../ui/visitor/announcer.py" line="+215"/>
        <source>Ticket number {code}, please go to {desk}.</source>
        <extracomment>how many times the call is said after its chime (2 for an assisted call)</extracomment>
        <translation>Nomor antrian {code}, silakan menuju {desk}.</translation>
    </message>
</context>
<context>
    <name>AppointmentDialog</name>
    <message>
        <location filename="../../ui/reception/dialogs.py" line="+101"/>
        <source>Book an appointment</source>
        <translation>Buat janji temu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Book an appointment for {name}</source>
        <translation>Buat janji temu untuk {name}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Outside service hours a visitor is served by appointment, made at least 1 hour ahead the same day or on a later day. The desk opens {opens}.</source>
        <translation>Di luar jam layanan, pengunjung dilayani dengan janji temu yang dibuat paling lambat 1 jam sebelumnya pada hari yang sama atau untuk hari berikutnya. Layanan dibuka {opens}.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>An appointment is made at least 1 hour ahead the same day or on a later day.</source>
        <translation>Janji temu dibuat paling lambat 1 jam sebelumnya pada hari yang sama atau untuk hari berikutnya.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>e.g. wants inflation data by regency</source>
        <translation>mis. memerlukan data inflasi menurut kabupaten/kota</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Book appointment</source>
        <translation>Buat janji temu</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Date and time</source>
        <translation>&amp;Tanggal dan jam</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Service</source>
        <translation>&amp;Layanan</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>N&amp;ote</source>
        <translation>&amp;Catatan</translation>
    </message>
</context>
<context>
    <name>Appointments</name>
    <message>
        <location filename="../../pst_desktop/frontdesk/appointments.py" line="+79"/>
        <source>The appointment time needs a time zone.</source>
        <extracomment>how far ahead an office books: nobody plans a consultation more than a year away</extracomment>
        <translation>Waktu janji temu harus mencantumkan zona waktu.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The appointment must be in the future.</source>
        <translation>Janji temu harus untuk waktu yang akan datang.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>An appointment can be booked at most one year ahead.</source>
        <translation>Janji temu paling lama dapat dibuat satu tahun ke depan.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>An appointment for today must be at least 1 hour from now; otherwise book a later day.</source>
        <translation>Janji temu untuk hari ini paling cepat 1 jam dari sekarang; jika tidak, buat untuk hari berikutnya.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Register the visitor in the guest book first.</source>
        <translation>Daftarkan pengunjung di buku tamu terlebih dahulu.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Choose an active service.</source>
        <translation>Pilih layanan yang aktif.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>This appointment is not open any more.</source>
        <translation>Janji temu ini sudah tidak berlaku.</translation>
    </message>
</context>
<context>
    <name>Backup</name>
    <message>
        <location filename="../../pst_desktop/db/backup.py" line="+137"/>
        <source>The folder {folder} does not exist.</source>
        <extracomment>the schema step that moved the IKM responses of step 4 into the survey tables</extracomment>
        <translation>Folder {folder} tidak ada.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The database has no schema yet: nothing to back up.</source>
        <translation>Basis data belum memiliki skema: tidak ada yang dicadangkan.</translation>
    </message>
    <message>
        <location line="+93"/>
        <source>There is no backup file {path}.</source>
        <translation>Berkas cadangan {path} tidak ada.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{path} is not a PST Desktop backup (neither SQLite nor a dump).</source>
        <translation>{path} bukan cadangan PST Desktop (bukan SQLite dan bukan dump).</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The backup has schema version {version}, newer than this program ({latest}); install the newer PST Desktop first.</source>
        <translation>Cadangan ini memiliki skema versi {version}, lebih baru daripada program ini ({latest}); pasang PST Desktop yang lebih baru terlebih dahulu.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The backup holds no schema.</source>
        <translation>Cadangan ini tidak memuat skema.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The database already holds data; restore into an empty database, or add --force to replace its data.</source>
        <translation>Basis data sudah berisi data; pulihkan ke basis data yang kosong, atau tambahkan --force untuk mengganti datanya.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>{path} cannot be read: {error}</source>
        <translation>{path} tidak dapat dibaca: {error}</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>{path} is not a PST Desktop backup (no manifest).</source>
        <translation>{path} bukan cadangan PST Desktop (tidak ada manifest).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{path} is a backup format this program does not know.</source>
        <translation>{path} memakai format cadangan yang tidak dikenal program ini.</translation>
    </message>
    <message>
        <location line="+107"/>
        <source>The restored row counts differ from the backup&apos;s; nothing was changed.</source>
        <translation>Jumlah baris yang dipulihkan berbeda dari cadangan; tidak ada yang diubah.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The restore failed and changed nothing: {reason}</source>
        <translation>Pemulihan gagal dan tidak mengubah apa pun: {reason}</translation>
    </message>
    <message>
        <location filename="../../pst_desktop/cli.py" line="+226"/>
        <source>Backup written to {path} ({kind}, schema version {version}): {rows} rows.</source>
        <extracomment>``user add`` reads the new account&apos;s password from this variable when it is set</extracomment>
        <translation>Cadangan ditulis ke {path} ({kind}, skema versi {version}): {rows} baris.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Restored {path} ({kind}, schema version {version}): {rows} rows.</source>
        <translation>{path} dipulihkan ({kind}, skema versi {version}): {rows} baris.</translation>
    </message>
</context>
<context>
    <name>BoardUnlockDialog</name>
    <message>
        <location filename="../../ui/visitor/board_lock.py" line="+25"/>
        <source>Close the display board</source>
        <translation>Tutup layar antrian</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter the kiosk PIN to close the display board.</source>
        <translation>Masukkan PIN kios untuk menutup layar antrian.</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+1"/>
        <source>Kiosk PIN</source>
        <translation>PIN kios</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Close the board</source>
        <translation>Tutup layar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Back</source>
        <translation>Kembali</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The server cannot be reached; the PIN cannot be checked now.</source>
        <translation>Server tidak dapat dihubungi; PIN tidak dapat diperiksa sekarang.</translation>
    </message>
</context>
<context>
    <name>BreakDialog</name>
    <message>
        <location filename="../../ui/officer/desk_state_bar.py" line="+43"/>
        <source>Desk on a break</source>
        <translation>Meja istirahat</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Prayer</source>
        <translation>Sholat</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Lunch</source>
        <translation>Makan siang</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Meeting</source>
        <translation>Rapat</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Short break</source>
        <translation>Istirahat sebentar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reason for the break</source>
        <translation>Alasan istirahat</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+3"/>
        <source>Expected back at</source>
        <translation>Perkiraan kembali pukul</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Reason</source>
        <translation>Alasan</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Start the break</source>
        <translation>Mulai istirahat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
</context>
<context>
    <name>CancelDialog</name>
    <message>
        <location filename="../../ui/reception/dialogs.py" line="-116"/>
        <location line="+2"/>
        <source>Cancel ticket {code}</source>
        <translation>Batalkan nomor antrian {code}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Wrong service chosen</source>
        <translation>Salah memilih layanan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ticket issued twice</source>
        <translation>Nomor antrian diterbitkan dua kali</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The visitor asked to cancel</source>
        <translation>Pengunjung meminta pembatalan</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Why is the ticket cancelled?</source>
        <translation>Mengapa nomor antrian dibatalkan?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel the ticket</source>
        <translation>Batalkan nomor antrian</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Keep it</source>
        <translation>Jangan batalkan</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Reason</source>
        <translation>&amp;Alasan</translation>
    </message>
</context>
<context>
    <name>ClosuresTab</name>
    <message>
        <location filename="../../ui/admin/closures_tab.py" line="+31"/>
        <source>Date</source>
        <translation>Tanggal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Holiday / cuti bersama</source>
        <translation>Hari libur / cuti bersama</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Office</source>
        <translation>Kantor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>Alasan</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Office closed</source>
        <translation>Kantor tutup</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Office open (on a listed holiday)</source>
        <translation>Kantor buka (pada hari libur)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>e.g. decree number or office event</source>
        <translation>mis. nomor SK atau kegiatan kantor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Add day</source>
        <translation>&amp;Tambah hari</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Remove selected</source>
        <translation>&amp;Hapus yang dipilih</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Year shown</source>
        <translation>Tah&amp;un</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Date</source>
        <translation>Tangga&amp;l</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;The office is</source>
        <translation>&amp;Kantor</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rea&amp;son</source>
        <translation>&amp;Alasan</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The list shows the year&apos;s national holidays and cuti bersama with the office&apos;s own days on top. Working days and the online 3-day limit follow it.</source>
        <translation>Daftar ini memuat hari libur nasional dan cuti bersama tahun itu, ditambah hari kantor sendiri. Hari kerja dan batas 3 hari layanan online mengikutinya.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Office day</source>
        <translation>Hari kantor</translation>
    </message>
    <message>
        <location line="-33"/>
        <location line="+34"/>
        <source>Closure days</source>
        <translation>Hari libur kantor</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Mon</source>
        <translation>Sen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tue</source>
        <translation>Sel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wed</source>
        <translation>Rab</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thu</source>
        <translation>Kam</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fri</source>
        <translation>Jum</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sat</source>
        <translation>Sab</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sun</source>
        <translation>Min</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>closed (national)</source>
        <translation>tutup (nasional)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>closed</source>
        <translation>tutup</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>open</source>
        <translation>buka</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>{date} is added to the office&apos;s days.</source>
        <translation>{date} sudah ditambahkan ke hari kantor.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Select one of the office&apos;s own days (in blue) to remove it.</source>
        <translation>Pilih salah satu hari kantor sendiri (berwarna biru) untuk menghapusnya.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{date} is removed from the office&apos;s days.</source>
        <translation>{date} sudah dihapus dari hari kantor.</translation>
    </message>
</context>
<context>
    <name>ComplaintDialog</name>
    <message>
        <location filename="../../ui/officer/complaint_dialog.py" line="+92"/>
        <source>Record a complaint</source>
        <translation>Catat pengaduan</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A complaint (pengaduan)</source>
        <translation>Pengaduan</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Told to any staff member, about a visit or none. It opens a follow-up with the same deadline as the others.</source>
        <translation>Disampaikan kepada petugas mana pun, tentang suatu kunjungan atau tidak. Pengaduan membuka tindak lanjut dengan batas waktu yang sama seperti yang lain.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>e.g. K-007; blank: no visit</source>
        <translation>mis. K-007; kosong: tanpa kunjungan</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>— choose the IKM element —</source>
        <translation>— pilih unsur IKM —</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>What the complaint says</source>
        <translation>Isi pengaduan</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Record complaint</source>
        <translation>&amp;Catat pengaduan</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Ticket</source>
        <translation>&amp;Nomor antrian</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Day</source>
        <translation>&amp;Tanggal</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>IKM &amp;element</source>
        <translation>&amp;Unsur IKM</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;What was said</source>
        <translation>&amp;Isi pengaduan</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>No ticket {code} on {day}.</source>
        <translation>Tidak ada nomor antrian {code} pada {day}.</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>The database did not answer ({reason}). Nothing was recorded; what you typed stays here.</source>
        <translation>Basis data tidak menjawab ({reason}). Tidak ada yang dicatat; yang Anda ketik tetap di sini.</translation>
    </message>
</context>
<context>
    <name>ConnectionBanner</name>
    <message>
        <location filename="../../ui/connection_banner.py" line="+30"/>
        <source>Connection to the database lost, retrying…</source>
        <translation>Koneksi ke basis data terputus, mencoba lagi…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>What you typed stays here; carry on when the connection is back.</source>
        <translation>Isian Anda tetap tersimpan di sini; lanjutkan setelah koneksi kembali.</translation>
    </message>
</context>
<context>
    <name>ConnectionSettingsWizard</name>
    <message>
        <location filename="../../ui/connection_settings.py" line="+29"/>
        <source>PST Desktop — Connection settings</source>
        <translation>PST Desktop — Pengaturan koneksi</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Save and connect</source>
        <translation>Simpan dan hubungkan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
</context>
<context>
    <name>Consultations</name>
    <message>
        <location filename="../../pst_desktop/officer/consultations.py" line="+332"/>
        <source>Another officer is serving this visit now.</source>
        <extracomment>the fields of a record that ``save``/``save_draft`` write FTS5&apos;s hidden column named like the table: ``&lt;table&gt; MATCH &apos;query&apos;`` searches every column</extracomment>
        <translation>Petugas lain sedang melayani kunjungan ini.</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Only the officer who recorded this consultation may edit it.</source>
        <translation>Hanya petugas yang mencatat konsultasi ini yang dapat mengubahnya.</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>This visit does not exist.</source>
        <translation>Kunjungan ini tidak ada.</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../ui/crash.py" line="+75"/>
        <source>PST Desktop: unexpected error</source>
        <translation>PST Desktop: galat tak terduga</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Something went wrong that the program did not expect. Your work so far is saved in the database; if the window misbehaves, close it and start it again. Please send this report to the office IT administrator.</source>
        <translation>Terjadi kesalahan yang tidak diperkirakan program. Pekerjaan Anda sejauh ini sudah tersimpan di basis data; jika jendela tidak berfungsi dengan baik, tutup lalu buka kembali. Mohon kirim laporan ini kepada administrator TI kantor.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Log file: {path}</source>
        <translation>Berkas log: {path}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Copy report</source>
        <translation>Salin laporan</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Copied</source>
        <translation>Tersalin</translation>
    </message>
</context>
<context>
    <name>DatabasePage</name>
    <message>
        <location filename="../../ui/setup_wizard.py" line="+374"/>
        <source>Prepare the database</source>
        <translation>Menyiapkan basis data</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PST Desktop creates its tables, or upgrades them without losing data.</source>
        <translation>PST Desktop membuat tabelnya, atau memperbaruinya tanpa kehilangan data.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Try again</source>
        <translation>Coba lagi</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Creating or upgrading the tables…</source>
        <translation>Membuat atau memperbarui tabel…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The database could not be prepared: {reason}</source>
        <translation>Basis data tidak dapat disiapkan: {reason}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{count} schema step(s) applied, now at version {version}.</source>
        <translation>{count} langkah skema diterapkan, kini versi {version}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The tables are up to date (version {version}).</source>
        <translation>Tabel sudah mutakhir (versi {version}).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Staff sign in with their accounts as before.</source>
        <translation>Petugas masuk dengan akun masing-masing seperti biasa.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The database has no administrator yet: after this wizard you create the first one.</source>
        <translation>Basis data belum memiliki administrator: setelah panduan ini Anda membuat administrator pertama.</translation>
    </message>
</context>
<context>
    <name>DatabaseTrouble</name>
    <message>
        <location filename="../../pst_desktop/core/errors.py" line="+106"/>
        <source>The database cannot be reached now. What you typed is kept; try again when the connection is back.</source>
        <translation>Basis data tidak dapat dijangkau saat ini. Isian Anda tetap tersimpan; coba lagi setelah koneksi pulih.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The database is busy with another PC&apos;s work. Nothing was saved; try again in a moment.</source>
        <translation>Basis data sedang sibuk melayani PC lain. Belum ada yang tersimpan; coba lagi sebentar lagi.</translation>
    </message>
</context>
<context>
    <name>DeskState</name>
    <message>
        <location filename="../../pst_desktop/visits/desk_state.py" line="+73"/>
        <source>open</source>
        <translation>buka</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>on a break</source>
        <translation>istirahat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>closed</source>
        <translation>tutup</translation>
    </message>
    <message>
        <location line="+155"/>
        <source>{desk} is on a break. Open the desk again before calling a visitor.</source>
        <translation>{desk} sedang istirahat. Buka meja lagi sebelum memanggil pengunjung.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{desk} is closed. Open the desk before calling a visitor.</source>
        <translation>{desk} tutup. Buka meja sebelum memanggil pengunjung.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Choose open, on a break or closed.</source>
        <translation>Pilih buka, istirahat, atau tutup.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Say why the desk is on a break.</source>
        <translation>Sebutkan alasan meja istirahat.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The reason is too long (at most {limit} characters).</source>
        <translation>Alasannya terlalu panjang (paling banyak {limit} karakter).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Say when the desk is expected back.</source>
        <translation>Sebutkan kapan meja diperkirakan buka kembali.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The expected return must be later than now.</source>
        <translation>Perkiraan waktu kembali harus lebih lambat dari sekarang.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A break lasts at most 4 hours; close the desk instead.</source>
        <translation>Istirahat paling lama 4 jam; tutup meja saja.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{desk} is not in use; the admin can turn it on again.</source>
        <translation>{desk} tidak dipakai; admin dapat mengaktifkannya lagi.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>{officer} is at {desk}; only they or a supervisor may change its state.</source>
        <translation>{officer} sedang bertugas di {desk}; hanya petugas itu atau supervisor yang boleh mengubah statusnya.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>{desk} was changed on another PC just now; look again.</source>
        <translation>{desk} baru saja diubah di PC lain; periksa lagi.</translation>
    </message>
    <message>
        <location line="+107"/>
        <source>No such desk.</source>
        <translation>Meja tidak ditemukan.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Ticket {code} is still at {desk}; finish, skip or return it first.</source>
        <translation>Antrian {code} masih di {desk}; selesaikan, lewati, atau kembalikan dulu.</translation>
    </message>
</context>
<context>
    <name>DeskStateBar</name>
    <message>
        <location filename="../../ui/officer/desk_state_bar.py" line="+31"/>
        <source>Open desk</source>
        <translation>Buka meja</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Break…</source>
        <translation>Istirahat…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close desk</source>
        <translation>Tutup meja</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the desk: visitors can be called here</source>
        <translation>Buka meja: pengunjung dapat dipanggil ke sini</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Put the desk on a break, with its reason and expected return</source>
        <translation>Meja istirahat, dengan alasan dan perkiraan kembali</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close the desk for today</source>
        <translation>Tutup meja untuk hari ini</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Choose your desk to see its state</source>
        <translation>Pilih meja Anda untuk melihat keadaannya</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{desk} is on a break ({reason}), back at {time}</source>
        <translation>{desk} sedang istirahat ({reason}), kembali pukul {time}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{desk} is closed (closed by itself: nobody attended it)</source>
        <translation>{desk} tutup (tertutup otomatis: tidak ada petugas)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{desk} is closed</source>
        <translation>{desk} tutup</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{desk} is open</source>
        <translation>{desk} buka</translation>
    </message>
</context>
<context>
    <name>DesksTab</name>
    <message>
        <location filename="../../ui/admin/desks_tab.py" line="+37"/>
        <location line="+21"/>
        <source>Desk</source>
        <translation>Loket</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>Services</source>
        <translation>Layanan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Open (officers can call tickets here)</source>
        <translation>&amp;Buka (petugas dapat memanggil nomor antrian di sini)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;New desk</source>
        <translation>Loket ba&amp;ru</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save desk</source>
        <translation>&amp;Simpan loket</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Na&amp;me</source>
        <translation>Na&amp;ma</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ser&amp;vices served</source>
        <translation>&amp;Layanan yang dilayani</translation>
    </message>
    <message>
        <location line="-12"/>
        <location line="+15"/>
        <source>Desks</source>
        <translation>Loket</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>open</source>
        <translation>buka</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>closed</source>
        <translation>tutup</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>The desk is saved.</source>
        <translation>Loket sudah disimpan.</translation>
    </message>
</context>
<context>
    <name>DisplayBoard</name>
    <message>
        <location filename="../../ui/visitor/board.py" line="+118"/>
        <source>PST Desktop — Display board</source>
        <extracomment>an assisted call (the visitor may not see or hear it) flashes this much longer and is spoken this many times</extracomment>
        <translation>PST Desktop — Papan antrian</translation>
    </message>
    <message>
        <location line="+101"/>
        <source>Integrated Statistical Services (PST) · Queue</source>
        <translation>Pelayanan Statistik Terpadu (PST) · Antrian</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>NOW CALLING</source>
        <translation>NOMOR DIPANGGIL</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Please wait for your number.</source>
        <translation>Silakan menunggu nomor antrian Anda dipanggil.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Previous calls</source>
        <translation>Panggilan sebelumnya</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>No calls yet today.</source>
        <translation>Belum ada panggilan hari ini.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Waiting</source>
        <translation>Menunggu</translation>
    </message>
    <message>
        <location line="+101"/>
        <source>{desk} (back {time})</source>
        <translation>{desk} (kembali {time})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On a break: {desks}</source>
        <translation>Istirahat: {desks}</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Connection to the server lost; the board updates again when it is back.</source>
        <translation>Koneksi ke server terputus; papan akan diperbarui lagi setelah koneksi pulih.</translation>
    </message>
</context>
<context>
    <name>Finishing</name>
    <message>
        <location filename="../../pst_desktop/sop/finishing.py" line="+20"/>
        <source>Write the answer or information given.</source>
        <translation>Isi jawaban atau informasi yang diberikan.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Say whether the visitor&apos;s need was met.</source>
        <translation>Pilih apakah kebutuhan pengunjung terpenuhi.</translation>
    </message>
</context>
<context>
    <name>FirstAdminDialog</name>
    <message>
        <location filename="../../ui/first_admin.py" line="+39"/>
        <source>PST Desktop — First administrator</source>
        <extracomment>&quot;Connection settings…&quot;: anyone may change the server while no administrator exists</extracomment>
        <translation>PST Desktop — Administrator pertama</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>PST Desktop · First start</source>
        <translation>PST Desktop · Pengaturan awal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create the first administrator</source>
        <translation>Buat akun administrator pertama</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This database has no administrator yet. The administrator signs in first, creates the accounts of the other staff and sets up the office.</source>
        <translation>Basis data ini belum memiliki administrator. Administrator masuk terlebih dahulu, lalu membuat akun pegawai lain dan mengatur data kantor.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>e.g. admin or budi.santoso</source>
        <translation>mis. admin atau budi.santoso</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>At least {count} characters</source>
        <translation>Minimal {count} karakter</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>&amp;Username</source>
        <translation>&amp;Nama pengguna</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Full name</source>
        <translation>Nama &amp;lengkap</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Password</source>
        <translation>&amp;Kata sandi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Repeat the password</source>
        <translation>&amp;Ulangi kata sandi</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create administrator</source>
        <translation>Buat administrator</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Connection settings…</source>
        <translation>Pengaturan koneksi…</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>The two passwords differ.</source>
        <translation>Kedua kata sandi tidak sama.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The database cannot be reached ({reason}).</source>
        <translation>Basis data tidak dapat dihubungi ({reason}).</translation>
    </message>
</context>
<context>
    <name>FollowUpPanel</name>
    <message>
        <location filename="../../ui/officer/follow_up_panel.py" line="+142"/>
        <source>Open</source>
        <translation>Terbuka</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overdue</source>
        <translation>Lewat batas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closed (last 30 days)</source>
        <translation>Ditutup (30 hari terakhir)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All</source>
        <translation>Semua</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Record &amp;complaint…</source>
        <translation>Catat &amp;pengaduan…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Show</source>
        <translation>&amp;Tampilkan</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Due</source>
        <translation>Batas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Working days</source>
        <translation>Hari kerja</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cause</source>
        <translation>Sebab</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IKM element</source>
        <translation>Unsur IKM</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ticket</source>
        <translation>Nomor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Taken by</source>
        <translation>Ditangani oleh</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Follow-ups</source>
        <translation>Tindak lanjut</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>What was done: a call, an answer sent, a fix</source>
        <translation>Yang dilakukan: menelepon, mengirim jawaban, memperbaiki</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Take</source>
        <translation>&amp;Ambil</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take this follow-up on: it is yours to close</source>
        <translation>Ambil tindak lanjut ini: Anda yang menutupnya</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save &amp;note</source>
        <translation>Simpan &amp;catatan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;lose follow-up</source>
        <translation>T&amp;utup tindak lanjut</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close it with what was done (required)</source>
        <translation>Tutup dengan catatan yang dilakukan (wajib)</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>&amp;What was done</source>
        <translation>&amp;Yang dilakukan</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>closed in time</source>
        <translation>ditutup tepat waktu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>closed late</source>
        <translation>ditutup terlambat</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>1 working day late</source>
        <translation>terlambat 1 hari kerja</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{n} working days late</source>
        <translation>terlambat {n} hari kerja</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>overdue today</source>
        <translation>lewat batas hari ini</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>due today</source>
        <translation>batas hari ini</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>1 working day left</source>
        <translation>sisa 1 hari kerja</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} working days left</source>
        <translation>sisa {n} hari kerja</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Low rating</source>
        <translation>Penilaian rendah</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Comment</source>
        <translation>Komentar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Need not met</source>
        <translation>Kebutuhan tidak terpenuhi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Complaint</source>
        <translation>Pengaduan</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>not classed</source>
        <translation>belum digolongkan</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>nobody yet</source>
        <translation>belum ada</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>you</source>
        <translation>Anda</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>open, nobody took it</source>
        <translation>terbuka, belum diambil</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>taken</source>
        <translation>sudah diambil</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>closed</source>
        <translation>ditutup</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>{open} open · {overdue} overdue · {today} due today · {closed} closed</source>
        <translation>{open} terbuka · {overdue} lewat batas · {today} batas hari ini · {closed} ditutup</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The database did not answer ({reason}); the list is not up to date.</source>
        <translation>Basis data tidak menjawab ({reason}); daftar ini belum mutakhir.</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Select a follow-up in the list</source>
        <translation>Pilih tindak lanjut di daftar</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A low rating, a comment, a need not met or a complaint opens one. Take it, write what was done, and close it before it is due.</source>
        <translation>Penilaian rendah, komentar, kebutuhan yang tidak terpenuhi, atau pengaduan membuka tindak lanjut. Ambil, tulis yang dilakukan, dan tutup sebelum batas waktunya.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>no visit</source>
        <translation>tanpa kunjungan</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Said: “{words}”</source>
        <translation>Disampaikan: “{words}”</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Due {due} ({left})</source>
        <translation>Batas {due} ({left})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opened {opened} · {state}</source>
        <translation>Dibuka {opened} · {state}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>IKM element: {element}</source>
        <translation>Unsur IKM: {element}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{service}, served by {officer}</source>
        <translation>{service}, dilayani oleh {officer}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Rating: {rating}</source>
        <translation>Penilaian: {rating}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Need met: {need}</source>
        <translation>Kebutuhan terpenuhi: {need}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Taken by {name}</source>
        <translation>Ditangani oleh {name}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Closed {closed} by {name}</source>
        <translation>Ditutup {closed} oleh {name}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>{ticket}: the follow-up is yours.</source>
        <translation>{ticket}: tindak lanjut ini Anda tangani.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>What was done is saved.</source>
        <translation>Catatan yang dilakukan sudah disimpan.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{ticket}: the follow-up is closed.</source>
        <translation>{ticket}: tindak lanjut sudah ditutup.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Select a follow-up in the list first.</source>
        <translation>Pilih dulu tindak lanjut di daftar.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>The database did not answer ({reason}). Nothing was saved; what you typed stays here.</source>
        <translation>Basis data tidak menjawab ({reason}). Tidak ada yang disimpan; yang Anda ketik tetap di sini.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>The complaint is recorded; its follow-up is due {due}.</source>
        <translation>Pengaduan sudah dicatat; batas tindak lanjutnya {due}.</translation>
    </message>
</context>
<context>
    <name>FollowUps</name>
    <message>
        <location filename="../../pst_desktop/officer/follow_ups.py" line="+238"/>
        <source>This follow-up does not exist.</source>
        <extracomment>the &quot;need met&quot; answers that open a follow-up (guest-book list &quot;need_met&quot;) the IKM element a need not met is classed by: what the service delivers how far back (office days) ``open_due`` looks for causes working days from today to the day it falls due (0: due today; below 0: the working days it is overdue by, 0 while overdue today); closed: 0</extracomment>
        <translation>Tindak lanjut ini tidak ada.</translation>
    </message>
    <message>
        <location line="+122"/>
        <source>Write what the complaint is about.</source>
        <translation>Tulis isi pengaduannya.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>This visit does not exist.</source>
        <translation>Kunjungan ini tidak ada.</translation>
    </message>
    <message>
        <location line="+101"/>
        <source>This follow-up is closed already.</source>
        <translation>Tindak lanjut ini sudah ditutup.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Another officer took this follow-up; ask the supervisor.</source>
        <translation>Tindak lanjut ini sudah diambil petugas lain; tanyakan kepada supervisor.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Write what was done before closing the follow-up.</source>
        <translation>Tulis tindakan yang sudah dilakukan sebelum menutup tindak lanjut.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Choose the IKM element it is about.</source>
        <translation>Pilih unsur IKM yang bersangkutan.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>At most 2000 characters here.</source>
        <translation>Paling banyak 2000 karakter di sini.</translation>
    </message>
</context>
<context>
    <name>FrontDesk</name>
    <message>
        <location filename="../../pst_desktop/frontdesk/reception.py" line="+425"/>
        <source>This appointment does not exist.</source>
        <extracomment>a waiting ticket turns amber after this long, red after ``WAIT_ALERT`` the cancel reason stored when the receptionist marks that the visitor left unserved the stages still in the queue (shown by default, in this order) an open desk serves it: a ticket can be issued (else the front desk refuses one)</extracomment>
        <translation>Janji temu ini tidak ditemukan.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This appointment is already checked in or cancelled.</source>
        <translation>Kedatangan janji temu ini sudah dicatat, atau janji temu sudah dibatalkan.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This appointment can be checked in from 1 hour before to 2 hours after its time.</source>
        <translation>Kedatangan janji temu ini dapat dicatat mulai 1 jam sebelum hingga 2 jam setelah waktunya.</translation>
    </message>
</context>
<context>
    <name>Grants</name>
    <message>
        <location filename="../../pst_desktop/cli.py" line="+28"/>
        <source>Staff role {staff} {staff_login}; kiosk role {kiosk} {kiosk_login}.</source>
        <translation>Peran staf {staff} {staff_login}; peran kios {kiosk} {kiosk_login}.</translation>
    </message>
</context>
<context>
    <name>HeldCard</name>
    <message>
        <location filename="../../ui/officer/held_card.py" line="+67"/>
        <source>Fetch the visitor: they may not see or hear the call</source>
        <translation>Jemput pengunjung: mungkin tidak dapat melihat atau mendengar panggilan</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>SOP: the service, from start to finish, takes at most 3 hours</source>
        <translation>SOP: layanan, dari mulai sampai selesai, paling lama 3 jam</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>service time / standard</source>
        <translation>waktu layanan / standar</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The desk this PC serves (saved on this PC)</source>
        <translation>Loket yang dilayani PC ini (disimpan di PC ini)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Call next  (F2)</source>
        <translation>Panggil berikutnya  (F2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Call the next waiting ticket of this desk (F2)</source>
        <translation>Panggil nomor antrian berikutnya di loket ini (F2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recall</source>
        <translation>Panggil ulang</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Announce again (F3)</source>
        <translation>Umumkan sekali lagi (F3)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start</source>
        <translation>Mulai</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The visitor is at the desk: start the service (F4)</source>
        <translation>Pengunjung sudah di loket: mulai layanan (F4)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No-show</source>
        <translation>Tidak hadir</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The visitor did not come: skip the ticket (F6)</source>
        <translation>Pengunjung tidak datang: lewati nomor antrian (F6)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Return</source>
        <translation>Kembalikan</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Put the ticket back in the queue, keeping its place (F7)</source>
        <translation>Kembalikan nomor antrian ke antrian, urutannya tetap (F7)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Finish</source>
        <translation>Selesai</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>End the service and ask the visitor to rate it (F8)</source>
        <translation>Akhiri layanan dan minta pengunjung menilainya (F8)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Transfer</source>
        <translation>Alihkan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send the ticket to another service or desk; it keeps its place (Ctrl+T)</source>
        <translation>Alihkan nomor antrian ke layanan atau loket lain; urutannya tetap (Ctrl+T)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>On to the next service  (Shift+F8)</source>
        <translation>Lanjut ke layanan berikutnya  (Shift+F8)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This service is done: the visitor goes on to the next service of the visit and keeps their place in its queue (Shift+F8)</source>
        <translation>Layanan ini selesai: pengunjung lanjut ke layanan berikutnya dari kunjungannya dan tetap pada tempatnya di antrian layanan itu (Shift+F8)</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Choose your desk…</source>
        <translation>Pilih loket Anda…</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>No ticket</source>
        <translation>Belum ada nomor</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Press F2 to call the next visitor</source>
        <translation>Tekan F2 untuk memanggil pengunjung berikutnya</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose your desk to start</source>
        <translation>Pilih loket Anda untuk mulai</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>In service</source>
        <translation>Dilayani</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Called</source>
        <translation>Dipanggil</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>called {n} times</source>
        <translation>dipanggil {n} kali</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>priority</source>
        <translation>prioritas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>then {service}</source>
        <translation>lalu {service}</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <location filename="../../pst_desktop/officer/history.py" line="+325"/>
        <source>Date</source>
        <extracomment>the helper process that reads and writes the history&apos;s exports (started by the first one): a month of records is seconds of Python that, on a thread, held up the officer&apos;s window</extracomment>
        <translation>Tanggal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Number</source>
        <translation>Nomor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Channel</source>
        <translation>Sarana</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service</source>
        <translation>Layanan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Visitor</source>
        <translation>Pengunjung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact</source>
        <translation>Kontak</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Officer</source>
        <translation>Petugas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Topic</source>
        <translation>Topik</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Question</source>
        <translation>Pertanyaan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Answer</source>
        <translation>Jawaban</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data requested</source>
        <translation>Data yang diminta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Publications</source>
        <translation>Publikasi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Need met</source>
        <translation>Kebutuhan terpenuhi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow-up</source>
        <translation>Tindak lanjut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes</source>
        <translation>Catatan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Minutes</source>
        <translation>Menit</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Visit history</source>
        <translation>Riwayat kunjungan</translation>
    </message>
</context>
<context>
    <name>HistoryTab</name>
    <message>
        <location filename="../../ui/officer/history_tab.py" line="+109"/>
        <source>All officers</source>
        <extracomment>what counts as a lost connection (the window&apos;s ``DB_ERRORS``) the visit of the record opened (None: none) the day the &apos;to&apos; date was set to by the tab: it follows the clock&apos;s day while the officer leaves it there (a window left open overnight shows today&apos;s records)</extracomment>
        <translation>Semua petugas</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>All services</source>
        <translation>Semua layanan</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>All channels</source>
        <translation>Semua sarana</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Need met: any</source>
        <translation>Kebutuhan terpenuhi: semua</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Words in topic, question or answer</source>
        <translation>Kata di topik, pertanyaan, atau jawaban</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export to Excel…</source>
        <translation>Ekspor ke Excel…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the filtered list as an XLSX file</source>
        <translation>Simpan daftar yang tersaring sebagai berkas XLSX</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Date</source>
        <translation>Tanggal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Number</source>
        <translation>Nomor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Channel</source>
        <translation>Sarana</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Visitor / contact</source>
        <translation>Pengunjung / kontak</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Officer</source>
        <translation>Petugas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Topic</source>
        <translation>Topik</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Question</source>
        <translation>Pertanyaan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Need met</source>
        <translation>Kebutuhan terpenuhi</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Open a record from the list (Enter)</source>
        <translation>Buka catatan dari daftar (Enter)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save changes</source>
        <translation>Simpan perubahan</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save the changes to your own record (kept in the audit log) (Ctrl+S)</source>
        <translation>Simpan perubahan catatan Anda sendiri (tercatat di log audit) (Ctrl+S)</translation>
    </message>
    <message numerus="yes">
        <location line="+80"/>
        <source>%n record(s), the newest {shown} shown; export saves all</source>
        <translation>
            <numerusform>%n catatan, {shown} terbaru ditampilkan; ekspor menyimpan semuanya</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n catatan</numerusform>
        </translation>
    </message>
    <message>
        <location line="+33"/>
        <source>{title} · recorded by {officer} (read only)</source>
        <translation>{title} · dicatat oleh {officer} (hanya baca)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Saved {path}</source>
        <translation>Tersimpan: {path}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Could not save the file: {reason}</source>
        <translation>Berkas tidak dapat disimpan: {reason}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Export visit history</source>
        <translation>Ekspor riwayat kunjungan</translation>
    </message>
</context>
<context>
    <name>LiveDayWidget</name>
    <message>
        <location filename="../../ui/supervisor/live_day.py" line="+160"/>
        <source>Waiting</source>
        <translation>Menunggu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Longest wait</source>
        <translation>Tunggu terlama</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At a desk</source>
        <translation>Di loket</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Done</source>
        <translation>Selesai</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No-shows</source>
        <translation>Tidak hadir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Average wait</source>
        <translation>Rata-rata tunggu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Average service</source>
        <translation>Rata-rata layanan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ratings so far</source>
        <translation>Penilaian sejauh ini</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Waiting per service</source>
        <translation>Menunggu per layanan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ratings today</source>
        <translation>Penilaian hari ini</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SOP standards met today (%)</source>
        <translation>Standar SOP terpenuhi hari ini (%)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Desk</source>
        <translation>Loket</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Now</source>
        <translation>Sekarang</translation>
    </message>
    <message>
        <source>State</source>
        <translation type="vanished">Keadaan</translation>
    </message>
    <message>
        <source>Open today</source>
        <translation type="vanished">Buka hari ini</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ticket</source>
        <translation>Nomor</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+23"/>
        <source>Officer</source>
        <translation>Petugas</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>Since</source>
        <translation>Sejak</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Served</source>
        <translation>Dilayani</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>SOP standard</source>
        <translation>Standar SOP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Met</source>
        <translation>Terpenuhi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Running</source>
        <translation>Berjalan</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Opened</source>
        <translation>Dibuka</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due</source>
        <translation>Batas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From</source>
        <translation>Dari</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Overdue online consultations</source>
        <translation>Konsultasi online lewat batas</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Desks now</source>
        <translation>Loket saat ini</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SOP standards today</source>
        <translation>Standar SOP hari ini</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>free</source>
        <translation>kosong</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>called</source>
        <translation>dipanggil</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>serving</source>
        <translation>melayani</translation>
    </message>
    <message>
        <source>break until {time} ({reason})</source>
        <translation type="vanished">istirahat s.d. {time} ({reason})</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>closed by itself</source>
        <translation>tutup otomatis</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>{desk} open {open}, break {breaks}, closed {closed}</source>
        <translation>{desk} buka {open}, istirahat {breaks}, tutup {closed}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Desk time today: {desks}</source>
        <translation>Waktu meja hari ini: {desks}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Priority service today: no tickets yet</source>
        <translation>Layanan prioritas hari ini: belum ada antrian</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Priority service today: {p} of {n} tickets ({share}%) · wait to call, median / p90: normal {nm} / {n90}, priority {pm} / {p90} · went ahead {jumps}, normal turns {turns}, normal past the limit {waited} · assisted calls {assisted}</source>
        <translation>Layanan prioritas hari ini: {p} dari {n} antrian ({share}%) · tunggu sampai dipanggil, median / p90: biasa {nm} / {n90}, prioritas {pm} / {p90} · didahulukan {jumps}, giliran biasa {turns}, biasa lewat batas {waited} · panggilan berbantuan {assisted}</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Registration ≤ 10 min</source>
        <translation>Pendaftaran ≤ 10 menit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service ≤ 3 h</source>
        <translation>Layanan ≤ 3 jam</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rating ≤ 5 min</source>
        <translation>Penilaian ≤ 5 menit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Online first answer ≤ 3 working days</source>
        <translation>Jawaban pertama online ≤ 3 hari kerja</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Registration</source>
        <translation>Pendaftaran</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service</source>
        <translation>Layanan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rating</source>
        <translation>Penilaian</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Online answer</source>
        <translation>Jawaban online</translation>
    </message>
    <message>
        <location line="-45"/>
        <location line="+61"/>
        <source>{n} min</source>
        <translation>{n} menit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{h} h {m} min</source>
        <translation>{h} jam {m} menit</translation>
    </message>
    <message>
        <location line="+24"/>
        <location line="+9"/>
        <source>Today&apos;s figures could not be read ({reason}); retrying.</source>
        <translation>Angka hari ini tidak dapat dibaca ({reason}); mencoba lagi.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>{n} tickets today</source>
        <translation>{n} nomor antrian hari ini</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{n} desks</source>
        <translation>{n} loket</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{n} cancelled</source>
        <translation>{n} dibatalkan</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{n} ratings, scale 1–{max}</source>
        <translation>{n} penilaian, skala 1–{max}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Overdue online consultations: {n}</source>
        <translation>Konsultasi online lewat batas: {n}</translation>
    </message>
    <message>
        <location line="-193"/>
        <location line="+199"/>
        <source>open</source>
        <translation>buka</translation>
    </message>
    <message>
        <location line="-202"/>
        <source>on a break</source>
        <translation>istirahat</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+200"/>
        <source>closed</source>
        <translation>tutup</translation>
    </message>
    <message>
        <location line="-192"/>
        <source>On a break until {time}: {reason} (set by {who})</source>
        <translation>Istirahat s.d. {time}: {reason} (ditetapkan oleh {who})</translation>
    </message>
    <message>
        <location line="+195"/>
        <source>Updated {time} · the desk is {state} · updates by itself on every change</source>
        <translation>Diperbarui {time} · layanan {state} · diperbarui otomatis setiap ada perubahan</translation>
    </message>
</context>
<context>
    <name>LoginWindow</name>
    <message>
        <location filename="../../ui/login.py" line="+48"/>
        <source>PST Desktop — Sign in</source>
        <extracomment>the language code chosen in the sign-in window (the Shell switches and rebuilds it) &quot;Connection settings…&quot; pressed (the Shell checks who asks, then opens the settings)</extracomment>
        <translation>PST Desktop — Masuk</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Integrated Statistical Services (PST) · Consultation desk</source>
        <translation>Pelayanan Statistik Terpadu (PST) · Layanan Konsultasi</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+16"/>
        <source>Sign in</source>
        <translation>Masuk</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Use the account your office administrator gave you.</source>
        <translation>Gunakan akun yang diberikan oleh administrator kantor Anda.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>e.g. budi.santoso</source>
        <translation>mis. budi.santoso</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>&amp;Username</source>
        <translation>&amp;Nama pengguna</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Password</source>
        <translation>&amp;Kata sandi</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Forgot your password? Ask the office administrator to reset it.</source>
        <translation>Lupa kata sandi? Minta administrator kantor untuk mengatur ulang kata sandi Anda.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The language of this PC&apos;s windows</source>
        <translation>Bahasa jendela di PC ini</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language</source>
        <translation>&amp;Bahasa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connection settings…</source>
        <translation>Pengaturan koneksi…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Change this PC&apos;s database server (administrators only)</source>
        <translation>Ubah server basis data PC ini (khusus administrator)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>PST Desktop {version} · Database: {database}</source>
        <translation>PST Desktop {version} · Basis data: {database}</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Enter your username and password.</source>
        <translation>Masukkan nama pengguna dan kata sandi Anda.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The database cannot be reached ({reason}). Try again.</source>
        <translation>Basis data tidak dapat dihubungi ({reason}). Silakan coba lagi.</translation>
    </message>
</context>
<context>
    <name>MoreServices</name>
    <message>
        <location filename="../../ui/reception/more_services.py" line="+23"/>
        <source>Further services of this visit</source>
        <translation>Layanan lanjutan kunjungan ini</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The visitor also wants these services, after the first: the officer hands the visit on and it keeps its place in each queue</source>
        <translation>Pengunjung juga menginginkan layanan ini, setelah yang pertama: petugas meneruskan kunjungan dan pengunjung tetap pada tempatnya di setiap antrian</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>More…</source>
        <translation>Tambah…</translation>
    </message>
    <message>
        <source>none</source>
        <translation type="vanished">tidak ada</translation>
    </message>
    <message>
        <source>Then also: {services}</source>
        <translation type="vanished">Lalu juga: {services}</translation>
    </message>
</context>
<context>
    <name>OfficeTab</name>
    <message>
        <location filename="../../ui/admin/office_tab.py" line="+62"/>
        <source>Choose &amp;logo…</source>
        <translation>Pilih &amp;logo…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remo&amp;ve logo</source>
        <translation>&amp;Hapus logo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save office</source>
        <translation>&amp;Simpan kantor</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Office &amp;name</source>
        <translation>&amp;Nama kantor</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Address</source>
        <translation>&amp;Alamat</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Time zone</source>
        <translation>&amp;Zona waktu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Logo</source>
        <translation>Logo</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>PNG or JPEG, at most 512 KB; printed on tickets and reports.</source>
        <translation>PNG atau JPEG, maksimal 512 KB; dicetak pada nomor antrian dan laporan.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Office profile</source>
        <translation>Profil kantor</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Priority calls in a &amp;row (N)</source>
        <translation>Panggilan prioritas &amp;berturut-turut (N)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A normal ticket goes first after (M, minutes)</source>
        <translation>Antrian biasa didahulukan setelah (M, menit)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Priority tickets (disability, elderly, pregnant, with a small child) are called first, at most N in a row while a normal ticket waits; a normal ticket that has waited longer than M minutes is called before them.</source>
        <translation>Antrian prioritas (disabilitas, lansia, ibu hamil, membawa anak kecil) dipanggil lebih dulu, paling banyak N berturut-turut selama ada antrian biasa menunggu; antrian biasa yang menunggu lebih dari M menit dipanggil sebelum mereka.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Save &amp;priority rule</source>
        <translation>Simpan aturan &amp;prioritas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Priority service</source>
        <translation>Layanan prioritas</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Opens</source>
        <translation>Buka</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closes</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Monday</source>
        <translation>Senin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tuesday</source>
        <translation>Selasa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wednesday</source>
        <translation>Rabu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thursday</source>
        <translation>Kamis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Friday</source>
        <translation>Jumat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saturday</source>
        <translation>Sabtu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sunday</source>
        <translation>Minggu</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{day}: opens at</source>
        <translation>{day}: buka pukul</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{day}: closes at</source>
        <translation>{day}: tutup pukul</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>SOP: Mon–Thu 08:00–15:30, Fri 08:00–16:00, no break. Outside the hours visitors are served by appointment only.</source>
        <translation>SOP: Sen–Kam 08.00–15.30, Jum 08.00–16.00, tanpa istirahat. Di luar jam itu pengunjung dilayani hanya dengan janji temu.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Save &amp;hours</source>
        <translation>Simpan &amp;jam</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Service hours</source>
        <translation>Jam layanan</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>no logo</source>
        <translation>tanpa logo</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose the logo</source>
        <translation>Pilih logo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Pictures (*.png *.jpg *.jpeg)</source>
        <translation>Gambar (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Logo chosen; save the office to keep it.</source>
        <translation>Logo dipilih; simpan kantor untuk menyimpannya.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The office profile is saved.</source>
        <translation>Profil kantor sudah disimpan.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The priority rule is saved; call next follows it now.</source>
        <translation>Aturan prioritas tersimpan; panggilan berikutnya langsung mengikutinya.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The service hours are saved.</source>
        <translation>Jam layanan sudah disimpan.</translation>
    </message>
</context>
<context>
    <name>OfficerWindow</name>
    <message>
        <location filename="../../ui/officer/window.py" line="+271"/>
        <source>Serve</source>
        <translation>Layani</translation>
    </message>
    <message>
        <location line="-68"/>
        <location line="+69"/>
        <location line="+683"/>
        <source>Online consultations</source>
        <translation>Konsultasi online</translation>
    </message>
    <message>
        <location line="-743"/>
        <location line="+61"/>
        <source>Visit history</source>
        <translation>Riwayat kunjungan</translation>
    </message>
    <message>
        <source>SOP: the service, from start to finish, takes at most 3 hours</source>
        <translation type="vanished">SOP: layanan, dari mulai sampai selesai, paling lama 3 jam</translation>
    </message>
    <message>
        <source>service time / standard</source>
        <translation type="vanished">waktu layanan / standar</translation>
    </message>
    <message>
        <source>The desk this PC serves (saved on this PC)</source>
        <translation type="vanished">Loket yang dilayani PC ini (disimpan di PC ini)</translation>
    </message>
    <message>
        <source>Choose your desk…</source>
        <translation type="vanished">Pilih loket Anda…</translation>
    </message>
    <message>
        <source>Call next  (F2)</source>
        <translation type="vanished">Panggil berikutnya  (F2)</translation>
    </message>
    <message>
        <source>Call the next waiting ticket of this desk (F2)</source>
        <translation type="vanished">Panggil nomor antrian berikutnya di loket ini (F2)</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation type="vanished">Panggil ulang</translation>
    </message>
    <message>
        <source>Announce again (F3)</source>
        <translation type="vanished">Umumkan sekali lagi (F3)</translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="vanished">Mulai</translation>
    </message>
    <message>
        <source>The visitor is at the desk: start the service (F4)</source>
        <translation type="vanished">Pengunjung sudah di loket: mulai layanan (F4)</translation>
    </message>
    <message>
        <source>No-show</source>
        <translation type="vanished">Tidak hadir</translation>
    </message>
    <message>
        <source>The visitor did not come: skip the ticket (F6)</source>
        <translation type="vanished">Pengunjung tidak datang: lewati nomor antrian (F6)</translation>
    </message>
    <message>
        <source>Return</source>
        <translation type="vanished">Kembalikan</translation>
    </message>
    <message>
        <source>Put the ticket back in the queue, keeping its place (F7)</source>
        <translation type="vanished">Kembalikan nomor antrian ke antrian, urutannya tetap (F7)</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation type="vanished">Selesai</translation>
    </message>
    <message>
        <source>End the service and ask the visitor to rate it (F8)</source>
        <translation type="vanished">Akhiri layanan dan minta pengunjung menilainya (F8)</translation>
    </message>
    <message>
        <source>Where to send the ticket</source>
        <translation type="vanished">Tujuan pengalihan nomor antrian</translation>
    </message>
    <message>
        <source>Service: {name}</source>
        <translation type="vanished">Layanan: {name}</translation>
    </message>
    <message>
        <source>Desk: {name}</source>
        <translation type="vanished">Loket: {name}</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation type="vanished">Alihkan</translation>
    </message>
    <message>
        <source>Send the ticket to another service or desk; it keeps its place (Ctrl+T)</source>
        <translation type="vanished">Alihkan nomor antrian ke layanan atau loket lain; urutannya tetap (Ctrl+T)</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation type="vanished">Antrian</translation>
    </message>
    <message>
        <source>Number</source>
        <translation type="vanished">Nomor</translation>
    </message>
    <message>
        <location line="-65"/>
        <source>Service</source>
        <translation>Layanan</translation>
    </message>
    <message>
        <source>Visitor</source>
        <translation type="vanished">Pengunjung</translation>
    </message>
    <message>
        <source>Waited</source>
        <translation type="vanished">Menunggu</translation>
    </message>
    <message>
        <source>Tickets this desk may call, oldest first; Enter calls the selected one</source>
        <translation type="vanished">Nomor antrian yang dapat dipanggil loket ini, terlama di atas; Enter memanggil yang dipilih</translation>
    </message>
    <message>
        <source>Call selected  (F9)</source>
        <translation type="vanished">Panggil yang dipilih  (F9)</translation>
    </message>
    <message>
        <source>Call the selected ticket out of order (F9, or Enter in the list)</source>
        <translation type="vanished">Panggil nomor antrian yang dipilih di luar urutan (F9, atau Enter di daftar)</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Search past answers</source>
        <translation>Cari jawaban terdahulu</translation>
    </message>
    <message>
        <source>Words from a topic, question or answer</source>
        <translation type="vanished">Kata dari topik, pertanyaan, atau jawaban</translation>
    </message>
    <message>
        <source>Search earlier consultation records (Ctrl+F)</source>
        <translation type="vanished">Cari catatan konsultasi terdahulu (Ctrl+F)</translation>
    </message>
    <message>
        <source>Use this answer</source>
        <translation type="vanished">Pakai jawaban ini</translation>
    </message>
    <message>
        <source>Add the selected answer to the answer of the current record (Ctrl+U)</source>
        <translation type="vanished">Tambahkan jawaban yang dipilih ke jawaban catatan ini (Ctrl+U)</translation>
    </message>
    <message>
        <source>Consultation record</source>
        <translation type="vanished">Catatan konsultasi</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Channel</source>
        <translation>Sarana</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation type="vanished">Kontak</translation>
    </message>
    <message>
        <source>Topic / question</source>
        <translation type="vanished">Topik / pertanyaan</translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="vanished">Status</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation type="vanished">Dibuka</translation>
    </message>
    <message>
        <source>Answer due</source>
        <translation type="vanished">Batas jawab</translation>
    </message>
    <message>
        <source>Auto-close</source>
        <translation type="vanished">Tutup otomatis</translation>
    </message>
    <message>
        <source>Show closed</source>
        <translation type="vanished">Tampilkan yang ditutup</translation>
    </message>
    <message>
        <source>New online consultation</source>
        <translation type="vanished">Konsultasi online baru</translation>
    </message>
    <message>
        <source>E-mail, phone or WhatsApp number</source>
        <translation type="vanished">Email, nomor telepon atau WhatsApp</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation type="vanished">Topik</translation>
    </message>
    <message>
        <source>The user&apos;s question</source>
        <translation type="vanished">Pertanyaan pengguna</translation>
    </message>
    <message>
        <source>Record</source>
        <translation type="vanished">Catat</translation>
    </message>
    <message>
        <source>Record the online consultation</source>
        <translation type="vanished">Catat konsultasi online ini</translation>
    </message>
    <message>
        <source>Selected consultation</source>
        <translation type="vanished">Konsultasi yang dipilih</translation>
    </message>
    <message>
        <source>The answer sent to the user</source>
        <translation type="vanished">Jawaban yang dikirim ke pengguna</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation type="vanished">Sudah dijawab</translation>
    </message>
    <message>
        <source>Record the answer sent to the user</source>
        <translation type="vanished">Catat jawaban yang dikirim ke pengguna</translation>
    </message>
    <message>
        <source>Waiting for user</source>
        <translation type="vanished">Menunggu pengguna</translation>
    </message>
    <message>
        <source>Waiting for the user&apos;s reply: closes by itself after 3 days without one</source>
        <translation type="vanished">Menunggu balasan pengguna: tertutup otomatis setelah 3 hari tanpa balasan</translation>
    </message>
    <message>
        <source>User replied</source>
        <translation type="vanished">Pengguna membalas</translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="vanished">Tutup</translation>
    </message>
    <message>
        <source>All officers</source>
        <extracomment>the day the &apos;to&apos; date was set to by the window: it follows the clock&apos;s day while the officer leaves it there (a window left open overnight shows today&apos;s records)</extracomment>
        <translation type="vanished">Semua petugas</translation>
    </message>
    <message>
        <source>All services</source>
        <translation type="vanished">Semua layanan</translation>
    </message>
    <message>
        <source>All channels</source>
        <translation type="vanished">Semua sarana</translation>
    </message>
    <message>
        <source>Need met: any</source>
        <translation type="vanished">Kebutuhan terpenuhi: semua</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Words in topic, question or answer</source>
        <translation>Kata di topik, pertanyaan, atau jawaban</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation type="vanished">Ekspor ke Excel…</translation>
    </message>
    <message>
        <source>Save the filtered list as an XLSX file</source>
        <translation type="vanished">Simpan daftar yang tersaring sebagai berkas XLSX</translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="vanished">Tanggal</translation>
    </message>
    <message>
        <source>Visitor / contact</source>
        <translation type="vanished">Pengunjung / kontak</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Officer</source>
        <translation>Petugas</translation>
    </message>
    <message>
        <source>Question</source>
        <translation type="vanished">Pertanyaan</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Need met</source>
        <translation>Kebutuhan terpenuhi</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Your desk</source>
        <extracomment>what the window counts as a lost connection (``ui.calls``&apos; one definition) the record saved for ``held`` (read with it; ``None``: none saved yet) the last ticket this window marked as a no-show: F7 puts it back if the visitor comes the rating prompt that took the keyboard before F8&apos;s answer (see finish)</extracomment>
        <translation>Meja Anda</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting tickets</source>
        <translation>Nomor antrian yang menunggu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Past answers found</source>
        <translation>Jawaban terdahulu yang ditemukan</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Channel of the new online consultation</source>
        <translation>Sarana konsultasi daring baru</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>History from</source>
        <translation>Riwayat dari tanggal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>History to</source>
        <translation>Riwayat sampai tanggal</translation>
    </message>
    <message>
        <source>Open a record from the list (Enter)</source>
        <translation type="vanished">Buka catatan dari daftar (Enter)</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation type="vanished">Simpan perubahan</translation>
    </message>
    <message>
        <source>Save the changes to your own record (kept in the audit log) (Ctrl+S)</source>
        <translation type="vanished">Simpan perubahan catatan Anda sendiri (tercatat di log audit) (Ctrl+S)</translation>
    </message>
    <message>
        <location line="+76"/>
        <location line="+792"/>
        <source>Follow-ups</source>
        <translation>Tindak lanjut</translation>
    </message>
    <message>
        <location line="-577"/>
        <source>Choose your desk first (top right).</source>
        <translation>Pilih loket Anda terlebih dahulu (kanan atas).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Nobody is waiting for this desk.</source>
        <translation>Tidak ada yang menunggu di loket ini.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Choose your desk and a ticket in the queue first.</source>
        <translation>Pilih loket Anda dan satu nomor antrian terlebih dahulu.</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+31"/>
        <location line="+43"/>
        <location line="+84"/>
        <source>You hold no ticket. Call one first (F2).</source>
        <translation>Anda belum memegang nomor antrian. Panggil dulu (F2).</translation>
    </message>
    <message>
        <location line="-145"/>
        <source>{code} announced again.</source>
        <translation>{code} diumumkan sekali lagi.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>{code}: the visitor did not come.</source>
        <translation>{code}: pengunjung tidak datang.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>{code} is back in the queue.</source>
        <translation>{code} kembali ke antrian.</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>{code} sent to {target}.</source>
        <translation>{code} dialihkan ke {target}.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Undo</source>
        <translation>Batalkan</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>{code} is back with you.</source>
        <translation>{code} kembali kepada Anda.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>{code} finished. The visitor is asked to rate the service.</source>
        <translation>{code} selesai. Pengunjung diminta menilai layanan.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The ticket you hold has no next service.</source>
        <translation>Tiket yang Anda pegang tidak punya layanan berikutnya.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{code} goes on to {service}, keeping its place in the queue.</source>
        <translation>{code} lanjut ke {service}, tetap pada tempatnya di antrian.</translation>
    </message>
    <message>
        <source>Typing…</source>
        <translation type="vanished">Mengetik…</translation>
    </message>
    <message>
        <source>Saved on this PC at {time} (database unreachable)</source>
        <translation type="vanished">Disimpan di PC ini pukul {time} (basis data tidak terjangkau)</translation>
    </message>
    <message>
        <source>Saved at {time}</source>
        <translation type="vanished">Tersimpan pukul {time}</translation>
    </message>
    <message numerus="yes">
        <location line="-299"/>
        <source>Restored %n draft(s) saved on this PC while the database was down.</source>
        <translation>
            <numerusform>%n draf yang disimpan di PC ini selama basis data terputus telah dipulihkan.</numerusform>
        </translation>
    </message>
    <message>
        <source>— call a ticket to record its consultation</source>
        <translation type="vanished">— panggil nomor antrian untuk mencatat konsultasinya</translation>
    </message>
    <message>
        <source>for {code} · {visitor}</source>
        <translation type="vanished">untuk {code} · {visitor}</translation>
    </message>
    <message>
        <source>No earlier answer found.</source>
        <translation type="vanished">Tidak ditemukan jawaban terdahulu.</translation>
    </message>
    <message>
        <location line="+371"/>
        <source>Call a ticket first; the answer goes into its record.</source>
        <translation>Panggil nomor antrian dulu; jawaban masuk ke catatannya.</translation>
    </message>
    <message>
        <source>Queue at {desk}: {count} waiting</source>
        <translation type="vanished">Antrian {desk}: {count} menunggu</translation>
    </message>
    <message>
        <source>Queue: choose your desk</source>
        <translation type="vanished">Antrian: pilih loket Anda</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Updated {time} · F2 call next · F3 recall · F4 start · F6 no-show · F7 return · F8 finish · F9 call selected · Ctrl+T transfer</source>
        <translation>Diperbarui {time} · F2 panggil berikutnya · F3 panggil ulang · F4 mulai · F6 tidak hadir · F7 kembalikan · F8 selesai · F9 panggil yang dipilih · Ctrl+T alihkan</translation>
    </message>
    <message>
        <source>No ticket</source>
        <translation type="vanished">Belum ada nomor</translation>
    </message>
    <message>
        <source>Press F2 to call the next visitor</source>
        <translation type="vanished">Tekan F2 untuk memanggil pengunjung berikutnya</translation>
    </message>
    <message>
        <source>Choose your desk to start</source>
        <translation type="vanished">Pilih loket Anda untuk mulai</translation>
    </message>
    <message>
        <source>In service</source>
        <translation type="vanished">Dilayani</translation>
    </message>
    <message>
        <source>Called</source>
        <translation type="vanished">Dipanggil</translation>
    </message>
    <message>
        <source>called {n} times</source>
        <translation type="vanished">dipanggil {n} kali</translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="vanished">Terbuka</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation type="vanished">Ditutup</translation>
    </message>
    <message>
        <source>{status} · OVERDUE</source>
        <translation type="vanished">{status} · LEWAT BATAS</translation>
    </message>
    <message>
        <source>{status} (automatically)</source>
        <translation type="vanished">{status} (otomatis)</translation>
    </message>
    <message>
        <source>The first answer was due within 3 working days.</source>
        <translation type="vanished">Jawaban pertama seharusnya diberikan dalam 3 hari kerja.</translation>
    </message>
    <message>
        <source>{open} open, {overdue} overdue</source>
        <translation type="vanished">{open} terbuka, {overdue} lewat batas</translation>
    </message>
    <message>
        <location line="+117"/>
        <source>Online consultation recorded.</source>
        <translation>Konsultasi online tercatat.</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+25"/>
        <source>Select a consultation in the list first.</source>
        <translation>Pilih konsultasi di daftar terlebih dahulu.</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s), the newest {shown} shown; export saves all</source>
        <translation type="vanished">
            <numerusform>%n catatan, {shown} terbaru ditampilkan; ekspor menyimpan semuanya</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s)</source>
        <translation type="vanished">
            <numerusform>%n catatan</numerusform>
        </translation>
    </message>
    <message>
        <source>{title} · recorded by {officer} (read only)</source>
        <translation type="vanished">{title} · dicatat oleh {officer} (hanya baca)</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Changes saved.</source>
        <translation>Perubahan tersimpan.</translation>
    </message>
    <message>
        <source>Could not save the file: {reason}</source>
        <translation type="vanished">Berkas tidak dapat disimpan: {reason}</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation type="vanished">Tersimpan: {path}</translation>
    </message>
    <message>
        <source>Export visit history</source>
        <translation type="vanished">Ekspor riwayat kunjungan</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The database cannot be reached ({reason}). Your typing is kept on this PC.</source>
        <translation>Basis data tidak dapat dijangkau ({reason}). Ketikan Anda disimpan di PC ini.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Connection lost: {reason}</source>
        <translation>Koneksi terputus: {reason}</translation>
    </message>
</context>
<context>
    <name>Online</name>
    <message>
        <location filename="../../pst_desktop/officer/online.py" line="+110"/>
        <source>Choose how the consultation came in.</source>
        <extracomment>a first answer due within this long turns amber in the officer&apos;s list from → the statuses an officer may move an online consultation to</extracomment>
        <translation>Pilih sarana masuknya konsultasi.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Give the user&apos;s contact: e-mail, phone or WhatsApp number, or address.</source>
        <translation>Isi kontak pengguna: email, nomor telepon atau WhatsApp, atau alamat.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Write the user&apos;s question.</source>
        <translation>Tuliskan pertanyaan pengguna.</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Write the answer first.</source>
        <translation>Tuliskan jawabannya terlebih dahulu.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>This online consultation does not exist.</source>
        <translation>Konsultasi online ini tidak ada.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This consultation is {status} now; this action does not apply.</source>
        <translation>Konsultasi ini sekarang berstatus {status}; tindakan ini tidak berlaku.</translation>
    </message>
    <message>
        <location line="+162"/>
        <source>Choose an active service.</source>
        <translation>Pilih layanan yang aktif.</translation>
    </message>
</context>
<context>
    <name>OnlineTab</name>
    <message>
        <location filename="../../ui/officer/online_tab.py" line="+56"/>
        <source>Channel</source>
        <extracomment>the online consultation to select once the list holding it arrives</extracomment>
        <translation>Sarana</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact</source>
        <translation>Kontak</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Topic / question</source>
        <translation>Topik / pertanyaan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opened</source>
        <translation>Dibuka</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Answer due</source>
        <translation>Batas jawab</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Auto-close</source>
        <translation>Tutup otomatis</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Show closed</source>
        <translation>Tampilkan yang ditutup</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>New online consultation</source>
        <translation>Konsultasi online baru</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>E-mail, phone or WhatsApp number</source>
        <translation>Email, nomor telepon atau WhatsApp</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Topic</source>
        <translation>Topik</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The user&apos;s question</source>
        <translation>Pertanyaan pengguna</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record</source>
        <translation>Catat</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Record the online consultation</source>
        <translation>Catat konsultasi online ini</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Selected consultation</source>
        <translation>Konsultasi yang dipilih</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The answer sent to the user</source>
        <translation>Jawaban yang dikirim ke pengguna</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+56"/>
        <source>Answered</source>
        <translation>Sudah dijawab</translation>
    </message>
    <message>
        <location line="-54"/>
        <source>Record the answer sent to the user</source>
        <translation>Catat jawaban yang dikirim ke pengguna</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+54"/>
        <source>Waiting for user</source>
        <translation>Menunggu pengguna</translation>
    </message>
    <message>
        <location line="-52"/>
        <source>Waiting for the user&apos;s reply: closes by itself after 3 days without one</source>
        <translation>Menunggu balasan pengguna: tertutup otomatis setelah 3 hari tanpa balasan</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>User replied</source>
        <translation>Pengguna membalas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Open</source>
        <translation>Terbuka</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Closed</source>
        <translation>Ditutup</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{status} · OVERDUE</source>
        <translation>{status} · LEWAT BATAS</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{status} (automatically)</source>
        <translation>{status} (otomatis)</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The first answer was due within 3 working days.</source>
        <translation>Jawaban pertama seharusnya diberikan dalam 3 hari kerja.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>{open} open, {overdue} overdue</source>
        <translation>{open} terbuka, {overdue} lewat batas</translation>
    </message>
</context>
<context>
    <name>PaperEntryDialog</name>
    <message>
        <location filename="../../ui/supervisor/paper_entry.py" line="+145"/>
        <location line="+10"/>
        <source>Paper questionnaires</source>
        <translation>Kuesioner kertas</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>One row per respondent. Type the ticket and day when the form has them, then the scores: each field moves on by itself, a blank is a question not answered. Enter saves the row as paper and starts the next.</source>
        <translation>Satu baris per responden. Ketik nomor antrian dan tanggal bila ada di formulir, lalu nilainya: setiap kotak pindah sendiri ke berikutnya, kotak kosong berarti pertanyaan tidak dijawab. Enter menyimpan baris sebagai kertas dan memulai baris berikutnya.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>IKM (9 elements, 1–4)</source>
        <translation>IKM (9 unsur, 1–4)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SKD (importance and satisfaction, 1–10)</source>
        <translation>SKD (kepentingan dan kepuasan, 1–10)</translation>
    </message>
    <message>
        <source>e.g. K-007 (optional)</source>
        <translation type="vanished">mis. K-007 (boleh kosong)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>e.g. K-007</source>
        <translation>mis. K-007</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Survey</source>
        <translation>&amp;Survei</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Ticket</source>
        <translation>&amp;Nomor antrian</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Day</source>
        <translation>&amp;Tanggal</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Save row (Enter)</source>
        <translation>Simpan baris (Enter)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Close (Esc)</source>
        <translation>Tutup (Esc)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ticket</source>
        <translation>Nomor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Day</source>
        <translation>Tanggal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Survey</source>
        <translation>Survei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Answers</source>
        <translation>Jawaban</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scores</source>
        <translation>Nilai</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Rows typed in</source>
        <translation>Baris yang sudah diketik</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Each element from 1 (worst) to 4 (best): {elements}.</source>
        <translation>Setiap unsur dari 1 (terburuk) sampai 4 (terbaik): {elements}.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Importance</source>
        <translation>Kepentingan</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Satisfaction</source>
        <translation>Kepuasan</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{attribute}: importance</source>
        <translation>{attribute}: kepentingan</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{attribute}: satisfaction</source>
        <translation>{attribute}: kepuasan</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The office has no SKD attribute to ask.</source>
        <translation>Kantor belum punya atribut SKD untuk ditanyakan.</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Type at least one score.</source>
        <translation>Ketik sedikitnya satu nilai.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No ticket {code} on {day}.</source>
        <translation>Tidak ada nomor antrian {code} pada {day}.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Row {number} saved as paper ({answers} answers).</source>
        <translation>Baris {number} disimpan sebagai kertas ({answers} jawaban).</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Typed in since this window opened: {n}</source>
        <translation>Diketik sejak jendela ini dibuka: {n}</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>The database did not answer ({reason}). The row is not saved; it stays typed.</source>
        <translation>Basis data tidak menjawab ({reason}). Baris belum disimpan; ketikannya tetap ada.</translation>
    </message>
</context>
<context>
    <name>Permissions</name>
    <message>
        <location filename="../../pst_desktop/sop/permissions.py" line="+89"/>
        <source>register visitors</source>
        <extracomment>``user_account.session_version`` when the account signed in (None: not from a sign-in)</extracomment>
        <translation>mendaftarkan pengunjung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>change a visitor&apos;s data</source>
        <translation>mengubah data pengunjung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>delete visitors</source>
        <translation>menghapus pengunjung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>issue queue tickets</source>
        <translation>mencetak nomor antrian</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cancel tickets</source>
        <translation>membatalkan nomor antrian</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>book appointments</source>
        <translation>membuat janji temu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>serve visitors</source>
        <translation>melayani pengunjung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>record ratings</source>
        <translation>mencatat penilaian</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>see the reports</source>
        <translation>melihat laporan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>manage accounts</source>
        <translation>mengelola akun</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>change the office&apos;s settings</source>
        <translation>mengubah pengaturan kantor</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>type in paper questionnaires</source>
        <translation>memasukkan kuesioner kertas</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>record complaints</source>
        <translation>mencatat pengaduan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>handle follow-ups</source>
        <translation>menangani tindak lanjut</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Your account was changed by an administrator; sign in again.</source>
        <translation>Akun Anda diubah oleh administrator; silakan masuk kembali.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>An account of this role may not {action}; ask the supervisor.</source>
        <translation>Akun dengan peran ini tidak boleh {action}; hubungi supervisor.</translation>
    </message>
</context>
<context>
    <name>PlaceholderWindow</name>
    <message>
        <location filename="../../ui/role_window.py" line="+133"/>
        <source>The administrator window is not available in this version yet.</source>
        <translation>Jendela administrator belum tersedia di versi ini.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The supervisor window is not available in this version yet.</source>
        <translation>Jendela supervisor belum tersedia di versi ini.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The receptionist window is not available in this version yet.</source>
        <translation>Jendela resepsionis belum tersedia di versi ini.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The service officer window is not available in this version yet.</source>
        <translation>Jendela petugas layanan belum tersedia di versi ini.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>You are signed in, but this version of PST Desktop has no window for your role yet. Log out to let a colleague sign in.</source>
        <translation>Anda sudah masuk, tetapi versi PST Desktop ini belum memiliki jendela untuk peran Anda. Keluar agar rekan lain dapat masuk.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Signed in as</source>
        <translation>Masuk sebagai</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Role</source>
        <translation>Peran</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Office</source>
        <translation>Kantor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Database</source>
        <translation>Basis data</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Log out</source>
        <translation>Keluar</translation>
    </message>
</context>
<context>
    <name>PrinterSettingsDialog</name>
    <message>
        <location filename="../../ui/reception/printer_settings.py" line="+49"/>
        <source>Ticket printer</source>
        <translation>Printer nomor antrian</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ticket printer of this station</source>
        <translation>Printer nomor antrian komputer ini</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Every ticket is also saved as a PDF. Without a printer the ticket is only saved, and the receptionist is told so.</source>
        <translation>Setiap nomor antrian juga disimpan sebagai PDF. Tanpa printer, nomor antrian hanya disimpan, dan resepsionis diberi tahu.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No printer — save PDF only</source>
        <translation>Tanpa printer — hanya simpan PDF</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{name} (not found)</source>
        <translation>{name} (tidak ditemukan)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>80 mm roll</source>
        <translation>Gulungan 80 mm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>58 mm roll</source>
        <translation>Gulungan 58 mm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A6 sheet</source>
        <translation>Lembar A6</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Print a test ticket</source>
        <translation>Cetak nomor antrian uji</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Printer</source>
        <translation>&amp;Printer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>P&amp;aper</source>
        <translation>&amp;Kertas</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Choose a printer first.</source>
        <translation>Pilih printer terlebih dahulu.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Sending the test ticket to {printer}…</source>
        <translation>Mengirim tiket uji ke {printer}…</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+17"/>
        <source>The test ticket failed: {reason}</source>
        <translation>Nomor antrian uji gagal dicetak: {reason}</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>The test ticket was sent to the printer.</source>
        <translation>Nomor antrian uji sudah dikirim ke printer.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{problem} after the test ticket was sent.</source>
        <translation>{problem} setelah tiket uji dikirim.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{problem}: the test ticket was not sent.</source>
        <translation>{problem}: tiket uji tidak dikirim.</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <location filename="../../pst_desktop/frontdesk/ticket_printing.py" line="+163"/>
        <source>Printer {printer} was not found</source>
        <translation>Printer {printer} tidak ditemukan</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Printer {printer} is stopped ({detail})</source>
        <translation>Printer {printer} berhenti ({detail})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Printer {printer} is stopped or reports an error (paper, cover, offline)</source>
        <translation>Printer {printer} berhenti atau melaporkan galat (kertas, tutup, offline)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Printer {printer} cancelled the job</source>
        <translation>Printer {printer} membatalkan pencetakan</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Printing on {printer} failed ({error})</source>
        <translation>Gagal mencetak di {printer} ({error})</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>{reason} after ticket {code} was sent: if no ticket came out, reprint it with Ctrl+P once the printer is ready (PDF kept: {path})</source>
        <translation>{reason} setelah tiket {code} dikirim: jika tiket tidak keluar, cetak ulang dengan Ctrl+P setelah printer siap (PDF disimpan: {path})</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{reason}: ticket {code} was NOT printed. Its PDF is kept ({path}); reprint it with Ctrl+P once the printer is ready</source>
        <translation>{reason}: tiket {code} TIDAK tercetak. PDF-nya disimpan ({path}); cetak ulang dengan Ctrl+P setelah printer siap</translation>
    </message>
    <message>
        <location line="-52"/>
        <source>No ticket printer is set</source>
        <extracomment>how a printer&apos;s state is read; tests pass a fake</extracomment>
        <translation>Printer nomor antrian belum diatur</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>{reason}; ticket {code} was saved as PDF: {path}</source>
        <translation>{reason}; nomor antrian {code} disimpan sebagai PDF: {path}</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Ticket {code} was printed, but its PDF could not be saved: {error}</source>
        <translation>Nomor antrian {code} sudah dicetak, tetapi PDF-nya tidak dapat disimpan: {error}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{reason}, and ticket {code} could not be saved as PDF: {error}</source>
        <translation>{reason}, dan nomor antrian {code} tidak dapat disimpan sebagai PDF: {error}</translation>
    </message>
</context>
<context>
    <name>Priority</name>
    <message>
        <location filename="../../pst_desktop/visits/priority.py" line="+128"/>
        <source>Priority calls in a row: a whole number from {low} to {high}.</source>
        <translation>Panggilan prioritas berturut-turut: bilangan bulat dari {low} sampai {high}.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Minutes after which a normal ticket goes first: a whole number from {low} to {high}.</source>
        <translation>Menit setelah antrian biasa didahulukan: bilangan bulat dari {low} sampai {high}.</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Choose the reason for priority service from the list.</source>
        <translation>Pilih alasan layanan prioritas dari daftar.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Say in a few words why this visitor is served first.</source>
        <translation>Tuliskan singkat mengapa pengunjung ini didahulukan.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The reason is too long (at most {limit} characters).</source>
        <translation>Alasannya terlalu panjang (paling banyak {limit} karakter).</translation>
    </message>
    <message>
        <location filename="../../pst_desktop/reporting/fair_queue.py" line="+159"/>
        <location filename="../../pst_desktop/visits/priority.py" line="+11"/>
        <source>disability</source>
        <translation>disabilitas</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../pst_desktop/visits/priority.py" line="+1"/>
        <source>elderly</source>
        <translation>lansia</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../pst_desktop/visits/priority.py" line="+1"/>
        <source>pregnant</source>
        <translation>ibu hamil</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../pst_desktop/visits/priority.py" line="+1"/>
        <source>with a small child</source>
        <translation>membawa anak kecil</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../pst_desktop/visits/priority.py" line="+1"/>
        <source>other</source>
        <translation>lainnya</translation>
    </message>
    <message>
        <location filename="../../pst_desktop/visits/priority.py" line="+249"/>
        <source>This ticket does not exist.</source>
        <translation>Antrian ini tidak ada.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Ticket {code} is from an earlier office day.</source>
        <translation>Antrian {code} berasal dari hari layanan sebelumnya.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Ticket {code} is {status} now; priority is set only while it waits.</source>
        <translation>Antrian {code} sekarang {status}; prioritas hanya dapat diatur selama masih menunggu.</translation>
    </message>
</context>
<context>
    <name>PriorityChoice</name>
    <message>
        <location filename="../../ui/reception/priority.py" line="+37"/>
        <source>Priority (F10)</source>
        <extracomment>the queue&apos;s mark for a priority ticket (no reason, no personal detail)</extracomment>
        <translation>Prioritas (F10)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Normal ticket</source>
        <translation>Antrian biasa</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Serve this visitor first, with the reason (F10); the ticket shows a mark only</source>
        <translation>Layani pengunjung ini lebih dulu, dengan alasannya (F10); tiket hanya menampilkan tanda</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Priority service</source>
        <translation>Layanan prioritas</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Why, in a few words</source>
        <translation>Alasannya, singkat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason for priority, in words</source>
        <translation>Alasan prioritas, dengan kata-kata</translation>
    </message>
</context>
<context>
    <name>PriorityDialog</name>
    <message>
        <location line="+55"/>
        <source>Priority service</source>
        <extracomment>the reason came from the guest book, not from the receptionist</extracomment>
        <translation>Layanan prioritas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ticket {code}: serve this visitor first?</source>
        <translation>Antrian {code}: layani pengunjung ini lebih dulu?</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
</context>
<context>
    <name>Queue</name>
    <message>
        <location filename="../../pst_desktop/visits/queue.py" line="+129"/>
        <source>waiting</source>
        <extracomment>how long a no-show or a &quot;visitor left&quot; can be taken back (a transfer: until the ticket moves) the columns a move that can be undone puts back walk-in statuses closed as ``expired`` when their office day ends (not served that day) PostgreSQL advisory lock keys (two-key form: key, office id) roles that may move a ticket another officer holds</extracomment>
        <translation>antri</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>called</source>
        <translation>dipanggil</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>being served</source>
        <translation>dilayani</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>awaiting rating</source>
        <translation>menunggu penilaian</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>done</source>
        <translation>selesai</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>skipped (no-show)</source>
        <translation>dilewati (tidak hadir)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cancelled</source>
        <translation>batal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not served (day ended)</source>
        <translation>tidak dilayani (hari berakhir)</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>No desk serves {service} at the moment, so no ticket was issued. Choose another service, or ask the admin to assign this service to a desk.</source>
        <extracomment>the visitor&apos;s other tickets still active today (codes): the front desk warns about them</extracomment>
        <translation>Saat ini tidak ada meja yang melayani {service}, jadi tiket tidak diterbitkan. Pilih layanan lain, atau minta admin menugaskan layanan ini ke sebuah meja.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>This visitor is no longer in the guest book.</source>
        <translation>Pengunjung ini sudah tidak ada di buku tamu.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Outside service hours. The desk opens {when}. Outside the hours a visitor is served by appointment only, made at least 1 hour ahead the same day or a day ahead.</source>
        <translation>Di luar jam layanan. Layanan dibuka {when}. Di luar jam layanan, pengunjung hanya dilayani dengan janji temu yang dibuat paling lambat 1 jam sebelumnya pada hari yang sama atau sehari sebelumnya.</translation>
    </message>
    <message>
        <location line="+156"/>
        <source>You already hold a ticket; finish, skip or return it first.</source>
        <translation>Anda masih memegang nomor antrian; selesaikan, lewati, atau kembalikan terlebih dahulu.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Another desk has just called this ticket.</source>
        <translation>Nomor antrian ini baru saja dipanggil oleh loket lain.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Ticket {code} is from an earlier office day; it was closed when that day ended. Issue a new ticket.</source>
        <translation>Tiket {code} berasal dari hari kerja sebelumnya; tiket ditutup saat hari itu berakhir. Terbitkan tiket baru.</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>You already hold ticket {code}; finish, skip or return it first.</source>
        <translation>Anda masih memegang nomor antrian {code}; selesaikan, lewati, atau kembalikan terlebih dahulu.</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>Ticket {code} has no next service; finish it instead.</source>
        <translation>Tiket {code} tidak punya layanan berikutnya; selesaikan saja.</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>Choose the service or desk to transfer to.</source>
        <translation>Pilih layanan atau loket tujuan pengalihan.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Say why the ticket is cancelled.</source>
        <translation>Isi alasan pembatalan nomor antrian.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Only the one who moved ticket {code} may take it back.</source>
        <translation>Hanya yang memindahkan nomor {code} yang dapat membatalkannya.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Ticket {code} has moved since; it can no longer be taken back.</source>
        <translation>Nomor {code} sudah berpindah lagi; tidak dapat dibatalkan.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>It is too late to take ticket {code} back.</source>
        <translation>Sudah terlambat untuk membatalkan nomor {code}.</translation>
    </message>
    <message>
        <location line="-157"/>
        <location line="+238"/>
        <source>Ticket {code} is {status} now; this action does not apply.</source>
        <translation>Nomor antrian {code} sekarang berstatus {status}; tindakan ini tidak dapat dilakukan.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Ticket {code} is held by another officer.</source>
        <translation>Nomor antrian {code} sedang ditangani petugas lain.</translation>
    </message>
    <message>
        <location line="-238"/>
        <location line="+249"/>
        <source>Ticket {code} is held by another officer; only that officer or a supervisor may move it.</source>
        <translation>Tiket {code} dipegang petugas lain; hanya petugas itu atau supervisor yang boleh memindahkannya.</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>This ticket does not exist.</source>
        <translation>Nomor antrian ini tidak ditemukan.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Choose an active service.</source>
        <translation>Pilih layanan yang aktif.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Choose an active desk.</source>
        <translation>Pilih loket yang aktif.</translation>
    </message>
</context>
<context>
    <name>QueueTableModel</name>
    <message>
        <location filename="../../ui/reception/queue_model.py" line="+72"/>
        <source>Number</source>
        <extracomment>the row&apos;s background when its wait passes a threshold (the rule is ``front_desk.wait_level``)</extracomment>
        <translation>Nomor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service</source>
        <translation>Layanan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Visitor</source>
        <translation>Pengunjung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Issued</source>
        <translation>Jam</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waited</source>
        <translation>Tunggu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Desk</source>
        <translation>Loket</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Left</source>
        <translation>Sudah pergi</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Waiting</source>
        <translation>Menunggu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Called</source>
        <translation>Dipanggil</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In service</source>
        <translation>Dilayani</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Done (rating)</source>
        <translation>Selesai (penilaian)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Done</source>
        <translation>Selesai</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No-show</source>
        <translation>Tidak hadir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled</source>
        <translation>Dibatalkan</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{status} · appointment</source>
        <translation>{status} · janji temu</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Purpose: {purpose}</source>
        <translation>Tujuan: {purpose}</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+6"/>
        <source>Waiting longer than {minutes} minutes</source>
        <translation>Menunggu lebih dari {minutes} menit</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reason: {reason}</source>
        <translation>Alasan: {reason}</translation>
    </message>
</context>
<context>
    <name>RatingApp</name>
    <message>
        <location filename="../../ui/visitor/app.py" line="+47"/>
        <source>Desk {desk} does not exist.</source>
        <translation>Loket {desk} tidak ada.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Only one screen is connected, so the rating screen opens in this window. Connect a second monitor facing the visitor, or choose its screen in the station settings.</source>
        <translation>Hanya satu layar yang tersambung, jadi layar penilaian dibuka di jendela ini. Sambungkan monitor kedua yang menghadap pengunjung, atau pilih layarnya di pengaturan PC ini.</translation>
    </message>
</context>
<context>
    <name>RatingBoardTab</name>
    <message>
        <location filename="../../ui/admin/rating_board_tab.py" line="+37"/>
        <source>&amp;Save rating</source>
        <translation>&amp;Simpan penilaian</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Question</source>
        <translation>&amp;Pertanyaan</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>S&amp;cale: 1 to</source>
        <translation>S&amp;kala: 1 sampai</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Offices use 1–4, 1–5 or 1–6. Ratings already given keep their own scale; reports map them onto the most used one.</source>
        <translation>Kantor memakai 1–4, 1–5 atau 1–6. Penilaian yang sudah diberikan tetap pada skalanya; laporan memetakannya ke skala yang paling banyak dipakai.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>4 to 8 digits; blank keeps it unchanged</source>
        <translation>4 sampai 8 angka; kosongkan agar tidak berubah</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save kiosk P&amp;IN</source>
        <translation>Simpan P&amp;IN kios</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Kiosk PIN</source>
        <translation>PI&amp;N kios</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Rating screen</source>
        <translation>Layar penilaian</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Save running &amp;text</source>
        <translation>Simpan &amp;teks berjalan</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Running text</source>
        <translation>Teks &amp;berjalan</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Display board</source>
        <translation>Papan antrian</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>A kiosk PIN is set; a supervisor types it to close the rating screen.</source>
        <translation>PIN kios sudah diatur; supervisor memasukkannya untuk menutup layar penilaian.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No kiosk PIN is set yet: nobody can close the rating screen.</source>
        <translation>PIN kios belum diatur: layar penilaian belum dapat ditutup oleh siapa pun.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{n} of {max} characters</source>
        <translation>{n} dari {max} karakter</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The rating question and scale are saved.</source>
        <translation>Pertanyaan dan skala penilaian sudah disimpan.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The kiosk PIN is unchanged.</source>
        <translation>PIN kios tidak berubah.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The kiosk PIN is saved; the rating screens ask for it.</source>
        <translation>PIN kios tersimpan; layar penilaian akan memintanya.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The running text is saved; the display boards show it.</source>
        <translation>Teks berjalan sudah disimpan; papan antrian menampilkannya.</translation>
    </message>
</context>
<context>
    <name>RatingDesk</name>
    <message>
        <source>Only a supervisor or an administrator can close this screen.</source>
        <translation type="vanished">Hanya Supervisor atau administrator yang dapat menutup layar ini.</translation>
    </message>
    <message>
        <location filename="../../pst_desktop/visitor/rating_screen.py" line="+407"/>
        <source>Too many wrong PINs. Try again in {seconds} seconds.</source>
        <translation>Terlalu banyak PIN yang salah. Coba lagi dalam {seconds} detik.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No kiosk PIN is set. Ask the administrator to set one (Administration, Rating &amp; board).</source>
        <translation>PIN kios belum diatur. Minta administrator untuk mengaturnya (Administrasi, Penilaian &amp; papan).</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Wrong PIN. Try again.</source>
        <translation>PIN salah. Coba lagi.</translation>
    </message>
</context>
<context>
    <name>RatingOverlay</name>
    <message>
        <location filename="../../ui/visitor/overlay.py" line="+43"/>
        <source>Officer: press Esc to return to your window.</source>
        <translation>Petugas: tekan Esc untuk kembali ke jendela Anda.</translation>
    </message>
</context>
<context>
    <name>RatingScreen</name>
    <message>
        <location filename="../../ui/visitor/rating_screen.py" line="+194"/>
        <source>PST Desktop — Rating screen</source>
        <extracomment>face colours from unhappy to happy (4 faces; the 5-face scale adds the middle one) mouth curve per face, -1 (frown) … +1 (big smile)</extracomment>
        <translation>PST Desktop — Layar penilaian</translation>
    </message>
    <message>
        <location line="+134"/>
        <source>Integrated Statistical Services (PST)</source>
        <translation>Pelayanan Statistik Terpadu (PST)</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Thank you for your visit</source>
        <translation>Terima kasih atas kunjungan Anda</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>After your consultation you can rate our service on this screen.</source>
        <translation>Setelah konsultasi, Anda dapat menilai layanan kami di layar ini.</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>How satisfied are you with our service today?</source>
        <translation>Seberapa puas Anda dengan layanan kami hari ini?</translation>
    </message>
    <message>
        <location line="-70"/>
        <source>Your question</source>
        <translation>Pertanyaan Anda</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Tap one face.</source>
        <translation>Sentuh salah satu wajah.</translation>
    </message>
    <message>
        <location line="+84"/>
        <location line="+7"/>
        <source>Very dissatisfied</source>
        <translation>Sangat tidak puas</translation>
    </message>
    <message>
        <location line="-6"/>
        <location line="+7"/>
        <source>Dissatisfied</source>
        <translation>Tidak puas</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Neutral</source>
        <translation>Cukup</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+6"/>
        <source>Satisfied</source>
        <translation>Puas</translation>
    </message>
    <message>
        <location line="-5"/>
        <location line="+6"/>
        <source>Very satisfied</source>
        <translation>Sangat puas</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+279"/>
        <source>Thank you for your rating!</source>
        <translation>Terima kasih atas penilaian Anda!</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Anything to add? Tap what fits or type a short comment (optional).</source>
        <translation>Ada yang ingin ditambahkan? Sentuh yang sesuai atau tulis komentar singkat (opsional).</translation>
    </message>
    <message>
        <location line="-274"/>
        <source>Friendly officer</source>
        <translation>Petugas ramah</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear explanation</source>
        <translation>Penjelasan jelas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quick service</source>
        <translation>Pelayanan cepat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>I found the data I need</source>
        <translation>Data yang saya perlukan tersedia</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waited too long</source>
        <translation>Menunggu terlalu lama</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data not available yet</source>
        <translation>Data belum tersedia</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Your comment (optional)</source>
        <translation>Komentar Anda (opsional)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Send</source>
        <translation>Kirim</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No, thank you</source>
        <translation>Tidak, terima kasih</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Thank you!</source>
        <translation>Terima kasih!</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your rating helps us serve you better.</source>
        <translation>Penilaian Anda membantu kami melayani lebih baik.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Close the rating screen</source>
        <translation>Tutup layar penilaian</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter the kiosk PIN to close this screen.</source>
        <translation>Masukkan PIN kios untuk menutup layar ini.</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+1"/>
        <source>Kiosk PIN</source>
        <translation>PIN kios</translation>
    </message>
    <message>
        <location line="+183"/>
        <source>We are sorry. What went wrong?</source>
        <translation>Mohon maaf. Apa yang kurang?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tap what went wrong (one or more) or type a short comment (optional).</source>
        <translation>Sentuh yang kurang (boleh lebih dari satu) atau tulis komentar singkat (opsional).</translation>
    </message>
    <message>
        <location line="+86"/>
        <source>The server cannot be reached; the PIN cannot be checked now.</source>
        <translation>Server tidak dapat dihubungi; PIN tidak dapat diperiksa sekarang.</translation>
    </message>
    <message>
        <source>A supervisor or an administrator signs in to close this screen.</source>
        <translation type="vanished">Supervisor atau administrator masuk untuk menutup layar ini.</translation>
    </message>
    <message>
        <source>Username</source>
        <translation type="vanished">Nama pengguna</translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="vanished">Kata sandi</translation>
    </message>
    <message>
        <location line="-266"/>
        <source>Close screen</source>
        <translation>Tutup layar</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Back</source>
        <translation>Kembali</translation>
    </message>
    <message>
        <location line="+135"/>
        <source>Connection to the server lost. Ratings are kept and sent when it is back.</source>
        <translation>Koneksi ke server terputus. Penilaian disimpan dan dikirim setelah koneksi pulih.</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>{desk} · served by {officer}</source>
        <translation>{desk} · dilayani oleh {officer}</translation>
    </message>
    <message>
        <source>The server cannot be reached; the sign-in cannot be checked now.</source>
        <translation type="vanished">Server tidak dapat dihubungi; nama pengguna dan kata sandi tidak dapat diperiksa sekarang.</translation>
    </message>
</context>
<context>
    <name>Ratings</name>
    <message>
        <location filename="../../pst_desktop/visitor/ratings.py" line="+39"/>
        <source>The rating scale must have 2 to 10 steps.</source>
        <translation>Skala penilaian harus terdiri dari 2 sampai 10 tingkat.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Choose one of the faces.</source>
        <translation>Pilih salah satu gambar wajah.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The comment is too long (500 characters at most).</source>
        <translation>Komentar terlalu panjang (maksimal 500 karakter).</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>This visit does not exist.</source>
        <translation>Kunjungan ini tidak ditemukan.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This visit has not finished yet.</source>
        <translation>Kunjungan ini belum selesai.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>This visit has already been rated. Thank you!</source>
        <translation>Kunjungan ini sudah dinilai. Terima kasih!</translation>
    </message>
</context>
<context>
    <name>ReceptionWindow</name>
    <message>
        <location filename="../../ui/reception/window.py" line="+250"/>
        <source>Search the guest book</source>
        <extracomment>narrower than this (1280×720 logical, a 1366×768 laptop at 125 %: 1093), the counts name each service by its ticket letter (the full name is its tooltip), the last ticket gets the room, and the queue leaves out the service column (the ticket&apos;s letter says it) counts the form&apos;s visitors (cleared or loaded): a write&apos;s answer for an earlier one does not bind the form to its visitor F9 pressed while a picked visitor&apos;s entry was being read: issue once it is in</extracomment>
        <translation>Cari di buku tamu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Visitors found</source>
        <translation>Pengunjung yang ditemukan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Today&apos;s queue</source>
        <translation>Antrean hari ini</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Appointments</source>
        <translation>Janji temu</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Ticket printer…</source>
        <translation>Printer nomor antrian…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose this station&apos;s ticket printer (Ctrl+,)</source>
        <translation>Pilih printer nomor antrian untuk komputer ini (Ctrl+,)</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Guest book</source>
        <translation>Buku tamu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Returning visitor</source>
        <translation>Pengunjung lama</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>SOP: registration, from opening the form to the ticket, takes ≤ 10 minutes</source>
        <translation>SOP: pendaftaran, dari membuka formulir hingga nomor antrian, ≤ 10 menit</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Find a returning visitor: phone, e-mail or name  (F2)</source>
        <translation>Cari pengunjung lama: telepon, email, atau nama  (F2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Find a returning visitor (F2); ↓ and Enter to pick</source>
        <translation>Cari pengunjung lama (F2); ↓ lalu Enter untuk memilih</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Book appointment… (Ctrl+B)</source>
        <translation>Buat janji temu… (Ctrl+B)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>New visitor</source>
        <translation>Pengunjung baru</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear the form for the next visitor (Ctrl+N)</source>
        <translation>Kosongkan formulir untuk pengunjung berikutnya (Ctrl+N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Appointment…</source>
        <translation>Janji temu…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Book an appointment for this visitor (Ctrl+B)</source>
        <translation>Buat janji temu untuk pengunjung ini (Ctrl+B)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Issue ticket  (F9)</source>
        <translation>Ambil nomor antrian  (F9)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save the guest-book entry, issue the queue number and print it (F9, Ctrl+Enter)</source>
        <translation>Simpan data buku tamu, terbitkan nomor antrian, lalu cetak (F9, Ctrl+Enter)</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Show done and cancelled</source>
        <translation>Selesai/batal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refresh</source>
        <translation>Muat ulang</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Read the queue again (F5)</source>
        <translation>Muat ulang antrian (F5)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+106"/>
        <source>Reprint</source>
        <translation>Cetak ulang</translation>
    </message>
    <message>
        <location line="-104"/>
        <source>Print the selected ticket again (Ctrl+P)</source>
        <translation>Cetak ulang nomor antrian yang dipilih (Ctrl+P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Visitor left</source>
        <translation>Pergi</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The visitor went away before being served (Ctrl+L)</source>
        <translation>Pengunjung pergi sebelum dilayani (Ctrl+L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel ticket…</source>
        <translation>Batalkan…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel the selected ticket, with a reason (Del)</source>
        <translation>Batalkan nomor antrian yang dipilih, dengan alasan (Del)</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Today&apos;s queue (F3)</source>
        <translation>Antrian hari ini (F3)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Queue today</source>
        <translation>Antrian hari ini</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Time</source>
        <translation>Jam</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Visitor</source>
        <translation>Pengunjung</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+78"/>
        <source>Service</source>
        <translation>Layanan</translation>
    </message>
    <message>
        <location line="-77"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Check in</source>
        <translation>Catat kedatangan</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The visitor of the selected appointment has arrived: issue their ticket (Ctrl+K)</source>
        <translation>Pengunjung janji temu yang dipilih sudah datang: terbitkan nomor antriannya (Ctrl+K)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Appointments booked for today. Check a visitor in when they arrive.</source>
        <translation>Janji temu untuk hari ini. Catat kedatangan pengunjung saat mereka tiba.</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+657"/>
        <source>Appointments today</source>
        <translation>Janji temu hari ini</translation>
    </message>
    <message>
        <location line="-646"/>
        <source>Last ticket</source>
        <translation>Nomor antrian terakhir</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No ticket issued yet</source>
        <translation>Belum ada nomor antrian</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Print this ticket again (Ctrl+P)</source>
        <translation>Cetak ulang nomor antrian ini (Ctrl+P)</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Waiting</source>
        <translation>Antri</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Called</source>
        <translation>Dipanggil</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In service</source>
        <translation>Dilayani</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Done</source>
        <translation>Selesai</translation>
    </message>
    <message>
        <source>This visitor is no longer in the guest book.</source>
        <translation type="vanished">Pengunjung ini sudah tidak ada di buku tamu.</translation>
    </message>
    <message>
        <location line="+288"/>
        <source>Registration ≤ 10 min</source>
        <translation>Pendaftaran ≤ 10 menit</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Registration {minutes}:{seconds:02d} / 10:00</source>
        <translation>Pendaftaran {minutes}:{seconds:02d} / 10:00</translation>
    </message>
    <message>
        <location line="+138"/>
        <source>Check the marked fields.</source>
        <translation>Periksa isian yang ditandai.</translation>
    </message>
    <message>
        <location line="-75"/>
        <source>This office has no active service to issue for.</source>
        <translation>Kantor ini belum memiliki layanan aktif untuk nomor antrian.</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>This visitor already has ticket {codes} today; cancel one of them if it was a mistake.</source>
        <translation>Pengunjung ini sudah memiliki tiket {codes} hari ini; batalkan salah satunya jika keliru.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Nobody ahead</source>
        <translation>Tidak ada antrian di depan</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{count} ahead</source>
        <translation>{count} orang di depan</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Issued {time} · {ahead}</source>
        <translation>Diambil {time} · {ahead}</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>The ticket could not be printed: {reason}</source>
        <translation>Nomor antrian tidak dapat dicetak: {reason}</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Printing ticket {code} on {printer}…</source>
        <translation>Mencetak tiket {code} di {printer}…</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Ticket {code} printed.</source>
        <translation>Tiket {code} tercetak.</translation>
    </message>
    <message>
        <location line="-11"/>
        <location line="+14"/>
        <source>Ticket {code} was not printed.</source>
        <translation>Tiket {code} tidak tercetak.</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>The queue could not be read ({reason}); retrying on the next change.</source>
        <translation>Antrian tidak dapat dibaca ({reason}); akan dicoba lagi pada perubahan berikutnya.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>open</source>
        <translation>buka</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>closed — appointments only</source>
        <translation>tutup — hanya janji temu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Queue updated {time} · service desk {state}</source>
        <translation>Antrian diperbarui {time} · layanan {state}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Checked in</source>
        <translation>Sudah datang</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Can check in now</source>
        <translation>Dapat dicatat sekarang</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Booked</source>
        <translation>Terjadwal</translation>
    </message>
    <message>
        <location line="-90"/>
        <source>Ticket {code} saved again as PDF.</source>
        <translation>Tiket {code} disimpan lagi sebagai PDF.</translation>
    </message>
    <message>
        <source>Ticket {code} printed again.</source>
        <translation type="vanished">Nomor antrian {code} sudah dicetak ulang.</translation>
    </message>
    <message>
        <location line="+157"/>
        <location line="+49"/>
        <location line="+61"/>
        <source>Select a ticket in the queue first (F3).</source>
        <translation>Pilih nomor antrian di daftar antrian terlebih dahulu (F3).</translation>
    </message>
    <message>
        <location line="-89"/>
        <source>Priority service set.</source>
        <translation>Layanan prioritas ditetapkan.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Normal ticket.</source>
        <translation>Antrian biasa.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>{code}: the visitor left.</source>
        <translation>{code}: pengunjung sudah pergi.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Undo</source>
        <translation>Batalkan</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>{code} is waiting again.</source>
        <translation>{code} kembali menunggu.</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Ticket cancelled.</source>
        <translation>Nomor antrian dibatalkan.</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>Appointment booked for {when}. Check the visitor in when they arrive.</source>
        <translation>Janji temu dibuat untuk {when}. Catat kedatangan pengunjung saat tiba.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Select an appointment first.</source>
        <translation>Pilih janji temu terlebih dahulu.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Checked in: ticket {code}.</source>
        <translation>Kedatangan dicatat: nomor antrian {code}.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The database did not answer ({reason}). Nothing was lost; try again in a moment.</source>
        <translation>Basis data tidak merespons ({reason}). Tidak ada data yang hilang; coba lagi sebentar lagi.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Live updates interrupted ({reason}); reconnecting…</source>
        <translation>Pembaruan langsung terputus ({reason}); menyambung kembali…</translation>
    </message>
</context>
<context>
    <name>RecordForm</name>
    <message>
        <location filename="../../ui/officer/record_form.py" line="+77"/>
        <source>e.g. Inflation, poverty, GRDP</source>
        <extracomment>the form&apos;s least widths (narrow -&gt; px), kept until a child&apos;s size, the font, the style or the language changes: asked on every resize and every layout pass</extracomment>
        <translation>mis. Inflasi, kemiskinan, PDRB</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What the visitor asked</source>
        <translation>Yang ditanyakan pengunjung</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The answer or information given (tables, links, explanations)</source>
        <translation>Jawaban atau informasi yang diberikan (tabel, tautan, penjelasan)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Subject</source>
        <translation>Subjek</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Region</source>
        <translation>Wilayah</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>First year of the data asked for</source>
        <translation>Tahun awal data yang diminta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last year of the data asked for</source>
        <translation>Tahun akhir data yang diminta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Level…</source>
        <translation>Level…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Period…</source>
        <translation>Periode…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Title of the publication or table</source>
        <translation>Judul publikasi atau tabel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Year of the publication</source>
        <translation>Tahun publikasi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not asked yet</source>
        <translation>Belum ditanyakan</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>e.g. send the table by e-mail</source>
        <translation>mis. kirim tabel lewat email</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Data asked for: subject</source>
        <translation>Data yang diminta: subjek</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data asked for: region</source>
        <translation>Data yang diminta: wilayah</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data asked for: first year</source>
        <translation>Data yang diminta: tahun awal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data asked for: last year</source>
        <translation>Data yang diminta: tahun akhir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data asked for: level</source>
        <translation>Data yang diminta: level</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data asked for: period</source>
        <translation>Data yang diminta: periode</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Publication: type</source>
        <translation>Publikasi: jenis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Publication: title</source>
        <translation>Publikasi: judul</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Publication: year</source>
        <translation>Publikasi: tahun</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Need met</source>
        <translation>Kebutuhan terpenuhi</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Topic</source>
        <extracomment>the rows&apos; labels and their texts: on one line, or on two where the form is narrow</extracomment>
        <translation>Topik</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Question</source>
        <translation>Pertanyaan</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Answer</source>
        <translation>Jawaban</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Data asked for</source>
        <translation>Data yang diminta</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Publication</source>
        <translation>Publikasi</translation>
    </message>
    <message>
        <location line="-41"/>
        <location line="+47"/>
        <source>Follow-up</source>
        <translation>Tindak lanjut</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Need met?</source>
        <translation>Kebutuhan terpenuhi?</translation>
    </message>
    <message>
        <location line="-48"/>
        <location line="+51"/>
        <source>Notes</source>
        <translation>Catatan</translation>
    </message>
</context>
<context>
    <name>RecordPanel</name>
    <message>
        <location filename="../../ui/officer/record_panel.py" line="+72"/>
        <source>Consultation record</source>
        <extracomment>what counts as a lost connection (the window&apos;s ``DB_ERRORS``) &quot;not read yet&quot;: the held ticket&apos;s record is read when it is shown</extracomment>
        <translation>Catatan konsultasi</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>— call a ticket to record its consultation</source>
        <translation>— panggil nomor antrian untuk mencatat konsultasinya</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>for {code} · {visitor}</source>
        <translation>untuk {code} · {visitor}</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Typing…</source>
        <translation>Mengetik…</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Saved on this PC at {time} (database unreachable)</source>
        <translation>Disimpan di PC ini pukul {time} (basis data tidak terjangkau)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Saved at {time}</source>
        <translation>Tersimpan pukul {time}</translation>
    </message>
</context>
<context>
    <name>Registration</name>
    <message>
        <location filename="../../pst_desktop/frontdesk/guest_book.py" line="+65"/>
        <source>Enter the visitor&apos;s full name.</source>
        <translation>Isi nama lengkap pengunjung.</translation>
    </message>
    <message>
        <source>The name is longer than 120 characters.</source>
        <translation type="vanished">Nama lebih dari 120 karakter.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>An active e-mail address is required (SOP).</source>
        <translation>Alamat email aktif wajib diisi (sesuai SOP).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This is not a valid e-mail address, e.g. name@example.com.</source>
        <translation>Alamat email tidak valid; contoh yang benar: nama@example.com.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Enter a phone number like 0812xxxxxxxx or +62812xxxxxxxx.</source>
        <translation>Isi nomor telepon seperti 0812xxxxxxxx atau +62812xxxxxxxx.</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+51"/>
        <source>Choose one of the options in the list.</source>
        <translation>Pilih salah satu pilihan dalam daftar.</translation>
    </message>
    <message>
        <location line="-47"/>
        <source>Choose the gender.</source>
        <translation>Pilih jenis kelamin.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Enter a birth year between 1900 and five years ago.</source>
        <translation>Isi tahun lahir antara 1900 dan lima tahun yang lalu.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Say which occupation.</source>
        <translation>Sebutkan pekerjaannya.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The visitor must agree to the processing of their personal data.</source>
        <translation>Pengunjung harus menyetujui pemrosesan data pribadinya.</translation>
    </message>
    <message>
        <location line="+162"/>
        <source>This visitor is no longer in the guest book.</source>
        <extracomment>FTS5&apos;s hidden column named like the table: ``&lt;table&gt; MATCH &apos;&quot;abc&quot;&apos;`` searches every column</extracomment>
        <translation>Pengunjung ini sudah tidak ada di buku tamu.</translation>
    </message>
</context>
<context>
    <name>ReportLabels</name>
    <message>
        <location filename="../../pst_desktop/reporting/labels.py" line="+30"/>
        <source>Integrated Statistical Services (PST) report</source>
        <translation>Laporan Pelayanan Statistik Terpadu (PST)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Period</source>
        <translation>Periode</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Generated</source>
        <translation>Dibuat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Page</source>
        <translation>Halaman</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not filled in</source>
        <translation>Tidak diisi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Total</source>
        <translation>Jumlah</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Count</source>
        <translation>Jumlah</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Summary</source>
        <translation>Ringkasan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Visits</source>
        <translation>Kunjungan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Walk-in</source>
        <translation>Datang langsung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Served</source>
        <translation>Selesai dilayani</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skipped (no-show)</source>
        <translation>Dilewati (tidak hadir)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled</source>
        <translation>Batal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not served (day ended)</source>
        <translation>Tidak terlayani (hari berakhir)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not finished</source>
        <translation>Belum selesai</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Visitors (people)</source>
        <translation>Pengunjung (orang)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ratings</source>
        <translation>Penilaian</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Walk-in visits rated</source>
        <translation>Kunjungan datang langsung yang dinilai</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+89"/>
        <source>Visits per day</source>
        <translation>Kunjungan per hari</translation>
    </message>
    <message>
        <location line="-88"/>
        <source>Visits per month</source>
        <translation>Kunjungan per bulan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date</source>
        <translation>Tanggal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Month</source>
        <translation>Bulan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service</source>
        <translation>Jenis layanan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tickets and services delivered</source>
        <translation>Tiket dan layanan diberikan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tickets</source>
        <translation>Tiket</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Channel</source>
        <translation>Sarana</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Purpose of the visit</source>
        <translation>Pemanfaatan hasil kunjungan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gender</source>
        <translation>Jenis kelamin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Age group</source>
        <translation>Kelompok umur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Highest education</source>
        <translation>Pendidikan tertinggi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Main occupation</source>
        <translation>Pekerjaan utama</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Institution category</source>
        <translation>Kategori instansi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Visit profile</source>
        <translation>Profil kunjungan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting and service times (minutes)</source>
        <translation>Waktu tunggu dan waktu layanan (menit)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Measure</source>
        <translation>Ukuran</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Measured</source>
        <translation>Diukur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mean</source>
        <translation>Rata-rata</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Median</source>
        <translation>Median</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>90th percentile</source>
        <translation>Persentil 90</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Registration (form → ticket)</source>
        <translation>Pendaftaran (formulir → nomor antrian)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting (ticket → called)</source>
        <translation>Menunggu (nomor antrian → dipanggil)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service (started → finished)</source>
        <translation>Layanan (mulai → selesai)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compliance with the SOP time standards</source>
        <translation>Kepatuhan terhadap standar waktu SOP (Mutu Baku)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Standard</source>
        <translation>Standar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Limit</source>
        <translation>Batas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Met</source>
        <translation>Memenuhi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Guest-book registration</source>
        <translation>Pendaftaran di buku tamu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Information / consultation</source>
        <translation>Pemberian informasi/konsultasi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rating given</source>
        <translation>Pengisian penilaian</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First answer to an online request</source>
        <translation>Jawaban pertama konsultasi online</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} min</source>
        <translation>{n} menit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} h</source>
        <translation>{n} jam</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} working days</source>
        <translation>{n} hari kerja</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+57"/>
        <source>Rating distribution</source>
        <translation>Distribusi penilaian</translation>
    </message>
    <message>
        <location line="-56"/>
        <source>Score</source>
        <translation>Nilai</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>scale 1–{n}</source>
        <translation>skala 1–{n}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Average</source>
        <translation>Rata-rata</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Satisfied</source>
        <translation>Puas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ratings per officer</source>
        <translation>Penilaian per petugas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ratings per desk</source>
        <translation>Penilaian per loket</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Officer</source>
        <translation>Petugas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Desk</source>
        <translation>Loket</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(no officer)</source>
        <translation>(tanpa petugas)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(no desk)</source>
        <translation>(tanpa loket)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Who did what</source>
        <translation>Kinerja petugas dan meja</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Walk-in visits per officer and desk that last held them. Wait: issued to first call; service: started to finished; median / 90th percentile in minutes. SOP: service within 3 hours, rating within 5 minutes of finishing.</source>
        <translation>Kunjungan langsung per petugas dan meja yang terakhir menanganinya. Tunggu: dari nomor diambil sampai panggilan pertama; layanan: dari mulai sampai selesai; median / persentil ke-90 dalam menit. SOP: layanan paling lama 3 jam, penilaian paling lama 5 menit setelah selesai.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Work per officer</source>
        <translation>Kinerja per petugas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Work per desk</source>
        <translation>Kinerja per meja</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Services delivered</source>
        <translation>Layanan diberikan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wait (median / p90)</source>
        <translation>Tunggu (median / p90)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service (median / p90)</source>
        <translation>Layanan (median / p90)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wait, median (min)</source>
        <translation>Tunggu, median (menit)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wait, p90 (min)</source>
        <translation>Tunggu, p90 (menit)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service, median (min)</source>
        <translation>Layanan, median (menit)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service, p90 (min)</source>
        <translation>Layanan, p90 (menit)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service within 3 h</source>
        <translation>Layanan ≤ 3 jam</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rated within 5 min</source>
        <translation>Dinilai ≤ 5 menit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow-ups opened</source>
        <translation>Tindak lanjut dibuka</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow-ups closed</source>
        <translation>Tindak lanjut ditutup</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow-ups (opened / closed)</source>
        <translation>Tindak lanjut (dibuka / ditutup)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Visitors&apos; comments</source>
        <translation>Komentar pengguna layanan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ticket</source>
        <translation>Nomor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Comment</source>
        <translation>Komentar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>… and {n} more comments (see the XLSX export).</source>
        <translation>… dan {n} komentar lain (lihat lampiran XLSX).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No comments in this period.</source>
        <translation>Tidak ada komentar pada periode ini.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No data in this period.</source>
        <translation>Tidak ada data pada periode ini.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Public Satisfaction Index (IKM)</source>
        <translation>Indeks Kepuasan Masyarakat (IKM)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Per PermenPANRB No. 14/2017, from {n} respondents.</source>
        <translation>Menurut PermenPANRB No. 14 Tahun 2017, dari {n} responden.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Service element</source>
        <translation>Unsur pelayanan</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>IKM</source>
        <translation>Nilai IKM</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service quality</source>
        <translation>Mutu pelayanan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>under 20</source>
        <translation>&lt; 20 tahun</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>20–29</source>
        <translation>20–29 tahun</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>30–39</source>
        <translation>30–39 tahun</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>40–49</source>
        <translation>40–49 tahun</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>50 and over</source>
        <translation>≥ 50 tahun</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Visits per service</source>
        <translation>Kunjungan per jenis layanan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Visits per channel</source>
        <translation>Kunjungan per sarana</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../pst_desktop/reporting/fair_queue.py" line="-29"/>
        <source>Priority service</source>
        <translation>Layanan prioritas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Walk-in tickets of the period. Wait: ticket issued to called, in minutes. A priority ticket goes ahead of older normal tickets, at most N in a row while one waits; a normal ticket that waited longer than M minutes is overtaken by no one.</source>
        <translation>Antrian kunjungan langsung dalam periode ini. Waktu tunggu: dari nomor antrian diambil sampai dipanggil, dalam menit. Antrian prioritas didahulukan dari antrian biasa yang lebih awal, paling banyak N kali berturut-turut selama ada yang menunggu; antrian biasa yang sudah menunggu lebih dari M menit tidak didahului siapa pun.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Class</source>
        <translation>Jenis antrian</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Normal</source>
        <translation>Biasa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Priority</source>
        <translation>Prioritas</translation>
    </message>
    <message>
        <location filename="../../pst_desktop/reporting/labels.py" line="+1"/>
        <source>Issued</source>
        <translation>Diterbitkan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Called</source>
        <translation>Dipanggil</translation>
    </message>
    <message>
        <location filename="../../pst_desktop/reporting/fair_queue.py" line="+1"/>
        <source>Reason for priority</source>
        <translation>Alasan prioritas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The rule at work</source>
        <translation>Aturan prioritas yang berlaku</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Priority tickets called ahead of an older waiting normal ticket</source>
        <translation>Antrian prioritas yang dipanggil mendahului antrian biasa yang lebih awal</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Normal tickets called on their turn after N priority calls</source>
        <translation>Antrian biasa yang dipanggil gilirannya setelah N panggilan prioritas</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Normal tickets called first after waiting longer than M minutes</source>
        <translation>Antrian biasa yang didahulukan karena menunggu lebih dari M menit</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Calls flashed and repeated for a visitor with a sensory disability</source>
        <translation>Panggilan yang dikedipkan dan diulang untuk pengunjung dengan disabilitas sensorik</translation>
    </message>
    <message>
        <location filename="../../pst_desktop/reporting/labels.py" line="+1"/>
        <source>Service started</source>
        <translation>Mulai dilayani</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Finished</source>
        <translation>Selesai</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Registration (min)</source>
        <translation>Pendaftaran (menit)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting (min)</source>
        <translation>Menunggu (menit)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service (min)</source>
        <translation>Layanan (menit)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rated</source>
        <translation>Dinilai</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Visit ID</source>
        <translation>ID kunjungan</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Birth year</source>
        <translation>Tahun lahir</translation>
    </message>
    <message>
        <location filename="../../pst_desktop/reporting/voice_figures.py" line="+158"/>
        <source>IKM respondents by channel</source>
        <translation>Responden IKM menurut cara pengisian</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Answered on</source>
        <translation>Cara pengisian</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Visitor screen</source>
        <translation>Layar pengunjung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paper</source>
        <translation>Kertas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not recorded</source>
        <translation>Tidak tercatat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Respondents (complete)</source>
        <translation>Responden (lengkap)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Responses started</source>
        <translation>Jawaban dimulai</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data Needs Survey (SKD)</source>
        <translation>Survei Kebutuhan Data (SKD)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Importance and satisfaction scored 1–10 by {n} respondents; gap = satisfaction − importance.</source>
        <translation>Tingkat kepentingan dan kepuasan dinilai 1–10 oleh {n} responden; kesenjangan = kepuasan − kepentingan.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Attribute</source>
        <translation>Atribut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Importance</source>
        <translation>Kepentingan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Satisfaction</source>
        <translation>Kepuasan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gap</source>
        <translation>Kesenjangan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quadrant</source>
        <translation>Kuadran</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A: top priority</source>
        <translation>A: prioritas utama</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>B: keep it up</source>
        <translation>B: pertahankan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C: low priority</source>
        <translation>C: prioritas rendah</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>D: more than needed</source>
        <translation>D: berlebihan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Importance–performance quadrants</source>
        <translation>Diagram kuadran kepentingan–kinerja</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Means: importance {i}, satisfaction {s}</source>
        <translation>Rata-rata: kepentingan {i}, kepuasan {s}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reasons given after a low rating</source>
        <translation>Alasan setelah penilaian rendah</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{low} low ratings, {with_reason} of them with a reason; a visitor may choose several.</source>
        <translation>{low} penilaian rendah, {with_reason} di antaranya dengan alasan; pengunjung boleh memilih lebih dari satu.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Times chosen</source>
        <translation>Kali dipilih</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow-ups</source>
        <translation>Tindak lanjut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opened in the period; their state when the report was made.</source>
        <translation>Dibuka dalam periode ini; keadaannya saat laporan dibuat.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Opened</source>
        <translation>Dibuka</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closed in time</source>
        <translation>Ditutup tepat waktu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closed late</source>
        <translation>Ditutup terlambat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overdue</source>
        <translation>Lewat tenggat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open, not yet due</source>
        <translation>Terbuka, belum jatuh tempo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Per IKM element</source>
        <translation>Menurut unsur IKM</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Per officer who took it</source>
        <translation>Menurut petugas yang mengambilnya</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(not classed)</source>
        <translation>(tidak diklasifikasikan)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(not taken)</source>
        <translation>(belum diambil)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unmet data demand</source>
        <translation>Kebutuhan data yang belum terpenuhi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data asked for whose need was not met or not yet met, for the data production plan.</source>
        <translation>Data yang diminta dan kebutuhannya tidak atau belum terpenuhi, untuk rencana produksi data.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Subject</source>
        <translation>Subjek</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Region</source>
        <translation>Wilayah</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Level</source>
        <translation>Level</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Period of the data</source>
        <translation>Periode data</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Years</source>
        <translation>Tahun</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Requests</source>
        <translation>Permintaan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Latest request</source>
        <translation>Permintaan terakhir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Need met</source>
        <translation>Kebutuhan terpenuhi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Topic</source>
        <translation>Topik</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From year</source>
        <translation>Dari tahun</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To year</source>
        <translation>Sampai tahun</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No unmet data demand in this period.</source>
        <translation>Tidak ada kebutuhan data yang belum terpenuhi dalam periode ini.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>… and {n} more (see the XLSX export).</source>
        <translation>… dan {n} lainnya (lihat lampiran XLSX).</translation>
    </message>
</context>
<context>
    <name>ReportSheets</name>
    <message>
        <location filename="../../pst_desktop/reporting/labels.py" line="-2"/>
        <source>Visits</source>
        <translation>Data kunjungan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ratings</source>
        <translation>Data penilaian</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>IKM</source>
        <translation>IKM</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SOP compliance</source>
        <translation>Kepatuhan SOP</translation>
    </message>
    <message>
        <location filename="../../pst_desktop/reporting/voice_figures.py" line="+1"/>
        <source>IKM channels</source>
        <translation>Kanal IKM</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SKD</source>
        <translation>SKD</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Low-rating reasons</source>
        <translation>Alasan penilaian rendah</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow-ups</source>
        <translation>Tindak lanjut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unmet demand</source>
        <translation>Kebutuhan tak terpenuhi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unmet demand (raw)</source>
        <translation>Data kebutuhan tak terpenuhi</translation>
    </message>
</context>
<context>
    <name>Reports</name>
    <message>
        <location filename="../../pst_desktop/reporting/ikm.py" line="+109"/>
        <source>The survey has 9 elements; answer every one.</source>
        <translation>Survei ini memiliki 9 unsur; jawab semuanya.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Score each element from 1 to 4.</source>
        <translation>Beri nilai setiap unsur dari 1 sampai 4.</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>This office does not exist.</source>
        <translation>Kantor ini tidak ditemukan.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This visit does not exist.</source>
        <translation>Kunjungan ini tidak ditemukan.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>This visit already has a survey response.</source>
        <translation>Kunjungan ini sudah memiliki jawaban survei.</translation>
    </message>
    <message>
        <location filename="../../pst_desktop/cli.py" line="+54"/>
        <source>{option} must be a date like 2026-11-01, not {text}</source>
        <translation>{option} harus berupa tanggal seperti 2026-11-01, bukan {text}</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>--to {last} lies before --from {first}</source>
        <translation>--to {last} jatuh sebelum --from {first}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The output file must end in .pdf or .xlsx, not {name}.</source>
        <translation>Nama berkas keluaran harus berakhiran .pdf atau .xlsx, bukan {name}.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The folder {folder} does not exist.</source>
        <translation>Folder {folder} tidak ada.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>There is no office {office}.</source>
        <translation>Kantor {office} tidak ada.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Cannot write {path}: {reason}</source>
        <translation>Tidak dapat menulis {path}: {reason}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Report {period} written to {path}: {visits} visits.</source>
        <translation>Laporan {period} disimpan di {path}: {visits} kunjungan.</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/reports.py" line="+222"/>
        <source>The report could not be made: {error}</source>
        <translation>Laporan tidak dapat dibuat: {error}</translation>
    </message>
    <message>
        <location filename="../../pst_desktop/reporting/reports.py" line="+83"/>
        <source>The report&apos;s end date lies before its start date.</source>
        <translation>Tanggal akhir laporan sebelum tanggal awalnya.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Office {office} does not exist.</source>
        <translation>Kantor {office} tidak ada.</translation>
    </message>
</context>
<context>
    <name>ReportsWidget</name>
    <message>
        <location filename="../../ui/supervisor/reports.py" line="-129"/>
        <source>PDF report</source>
        <extracomment>the office&apos;s time zone, for &quot;this month&quot; (the live day keeps it up to date)</extracomment>
        <translation>Laporan PDF</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spreadsheet (XLSX)</source>
        <translation>Lembar kerja (XLSX)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This &amp;month</source>
        <translation>Bulan &amp;ini</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Last month</source>
        <translation>Bulan &amp;lalu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Make &amp;report…</source>
        <translation>Buat la&amp;poran…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The report counts visits, services, visitors&apos; profiles, waiting and service times, the SOP standards, ratings, comments and the IKM of the chosen days. It is made in the background: the live day keeps updating meanwhile.</source>
        <translation>Laporan menghitung kunjungan, layanan, profil pengunjung, waktu tunggu dan layanan, standar SOP, penilaian, komentar dan IKM pada hari yang dipilih. Laporan dibuat di latar belakang: tampilan hari ini tetap diperbarui.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;From</source>
        <translation>&amp;Dari</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;To</source>
        <translation>&amp;Sampai</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>F&amp;ormat</source>
        <translation>&amp;Format</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Monthly report</source>
        <translation>Laporan bulanan</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Save the report</source>
        <translation>Simpan laporan</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The last day lies before the first; choose the days again.</source>
        <translation>Hari terakhir sebelum hari pertama; pilih lagi tanggalnya.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Making the report of the chosen days…</source>
        <translation>Membuat laporan hari yang dipilih…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The report is saved: {path}</source>
        <translation>Laporan sudah disimpan: {path}</translation>
    </message>
</context>
<context>
    <name>RoleWindow</name>
    <message>
        <location filename="../../ui/role_window.py" line="-118"/>
        <source>PST Desktop — {role}</source>
        <translation>PST Desktop — {role}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Integrated Statistical Services (PST) · {role}</source>
        <translation>Pelayanan Statistik Terpadu (PST) · {role}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{name} ({role})</source>
        <translation>{name} ({role})</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Log out</source>
        <translation>Keluar</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <location line="-44"/>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supervisor</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Receptionist</source>
        <translation>Resepsionis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service officer</source>
        <translation>Petugas layanan</translation>
    </message>
</context>
<context>
    <name>SelfCheck</name>
    <message>
        <location filename="../../pst_desktop/selfcheck.py" line="+114"/>
        <source>The self-check passed.</source>
        <extracomment>the layer above&apos;s checks: entered once the core&apos;s have run, yields ``(name, check)`` pairs</extracomment>
        <translation>Pemeriksaan mandiri berhasil.</translation>
    </message>
</context>
<context>
    <name>ServeTab</name>
    <message>
        <location filename="../../ui/officer/serve_tab.py" line="+78"/>
        <source>Queue</source>
        <translation>Antrian</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Number</source>
        <translation>Nomor</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Service</source>
        <translation>Layanan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Visitor</source>
        <translation>Pengunjung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waited</source>
        <translation>Menunggu</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Tickets this desk may call, oldest first; Enter calls the selected one</source>
        <translation>Nomor antrian yang dapat dipanggil loket ini, terlama di atas; Enter memanggil yang dipilih</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Call selected  (F9)</source>
        <translation>Panggil yang dipilih  (F9)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Call the selected ticket out of order (F9, or Enter in the list)</source>
        <translation>Panggil nomor antrian yang dipilih di luar urutan (F9, atau Enter di daftar)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Search past answers</source>
        <translation>Cari jawaban terdahulu</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Words from a topic, question or answer</source>
        <translation>Kata dari topik, pertanyaan, atau jawaban</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search earlier consultation records (Ctrl+F)</source>
        <translation>Cari catatan konsultasi terdahulu (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Use this answer</source>
        <translation>Pakai jawaban ini</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add the selected answer to the answer of the current record (Ctrl+U)</source>
        <translation>Tambahkan jawaban yang dipilih ke jawaban catatan ini (Ctrl+U)</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Queue at {desk}: {count} waiting</source>
        <translation>Antrian {desk}: {count} menunggu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Queue: choose your desk</source>
        <translation>Antrian: pilih loket Anda</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>No earlier answer found.</source>
        <translation>Tidak ditemukan jawaban terdahulu.</translation>
    </message>
</context>
<context>
    <name>ServerPage</name>
    <message>
        <location filename="../../ui/setup_wizard.py" line="-239"/>
        <source>The office database server</source>
        <translation>Server basis data kantor</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ask the office IT administrator for these. The password is kept in this user&apos;s PostgreSQL password file, not in the settings.</source>
        <translation>Tanyakan data ini kepada admin TI kantor. Kata sandi disimpan di berkas kata sandi PostgreSQL milik pengguna ini, bukan di pengaturan.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>e.g. 192.168.1.10 or pst-server</source>
        <translation>mis. 192.168.1.10 atau pst-server</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Test connection</source>
        <translation>Uji koneksi</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Server (host)</source>
        <translation>Server (host)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Database</source>
        <translation>Basis data</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User</source>
        <translation>Pengguna</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password</source>
        <translation>Kata sandi</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>the server</source>
        <translation>server</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the database</source>
        <translation>basis data</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the user</source>
        <translation>pengguna</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Fill in {fields}.</source>
        <translation>Isi {fields}.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Connecting to {server}…</source>
        <translation>Menghubungkan ke {server}…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Cannot connect to {server}: {reason}</source>
        <translation>Tidak dapat terhubung ke {server}: {reason}</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>the database is empty; the next step creates the tables.</source>
        <translation>basis data masih kosong; langkah berikutnya membuat tabelnya.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>its schema is version {old}; the next step upgrades it to {new}.</source>
        <translation>skemanya versi {old}; langkah berikutnya memperbaruinya ke versi {new}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>its schema is up to date.</source>
        <translation>skemanya sudah mutakhir.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Connected to PostgreSQL {version} on {server}: {state}</source>
        <translation>Terhubung ke PostgreSQL {version} di {server}: {state}</translation>
    </message>
</context>
<context>
    <name>ServicesTab</name>
    <message>
        <location filename="../../ui/admin/services_tab.py" line="+27"/>
        <source>Order</source>
        <translation>Urutan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prefix</source>
        <translation>Awalan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Code</source>
        <translation>Kode</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Active (tickets can be issued)</source>
        <translation>&amp;Aktif (nomor antrian dapat diambil)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;New service</source>
        <translation>Layanan ba&amp;ru</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save service</source>
        <translation>&amp;Simpan layanan</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Code</source>
        <translation>&amp;Kode</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Prefix</source>
        <translation>A&amp;walan</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Na&amp;me</source>
        <translation>Na&amp;ma</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Order</source>
        <translation>&amp;Urutan</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The prefix starts each ticket number (K-001): 1 to 3 capital letters.</source>
        <translation>Awalan mengawali setiap nomor antrian (K-001): 1 sampai 3 huruf kapital.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Service</source>
        <translation>Layanan</translation>
    </message>
    <message>
        <location line="-28"/>
        <location line="+29"/>
        <source>Services</source>
        <translation>Layanan</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>active</source>
        <translation>aktif</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>inactive</source>
        <translation>nonaktif</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>The service is saved.</source>
        <translation>Layanan sudah disimpan.</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../../ui/setup_wizard.py" line="+189"/>
        <source>PST Desktop — Setting up this PC</source>
        <translation>PST Desktop — Menyiapkan PC ini</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Finish</source>
        <translation>Selesai</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next</source>
        <translation>Lanjut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back</source>
        <translation>Kembali</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>this PC only</source>
        <translation>hanya PC ini</translation>
    </message>
</context>
<context>
    <name>Shell</name>
    <message>
        <location filename="../../ui/app.py" line="+261"/>
        <source>PST Desktop — Database</source>
        <extracomment>an attempt that takes longer than this shows the waiting screen (a quick one shows nothing) how often a signed-in window asks whether an admin changed its account how a station opens its database on the starter&apos;s pool thread: the app&apos;s models are bound on the GUI thread once it answered (``pst_desktop.db.server.bind_station``) the database answered and the first window is shown (tests and the log wait for it)</extracomment>
        <translation>PST Desktop — Basis data</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The database cannot be opened:
{reason}

Check the database address in this PC&apos;s settings, or ask the office IT administrator whether the database server is running.</source>
        <translation>Basis data tidak dapat dibuka:
{reason}

Periksa alamat basis data di pengaturan komputer ini, atau tanyakan kepada administrator TI kantor apakah server basis data sedang berjalan.</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../pst_desktop/db/startup.py" line="+152"/>
        <source>the server refused the connection (is the database service running?)</source>
        <extracomment>the waits between attempts (seconds); the last one repeats the first line of the error, for the log and the office IT (never shown as the message) what libpq says (without a SQLSTATE) when a server cannot be reached: waiting helps</extracomment>
        <translation>server menolak sambungan (apakah layanan basis data berjalan?)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the server did not answer in time (check the network)</source>
        <translation>server tidak menjawab tepat waktu (periksa jaringan)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the server&apos;s name is not known on the network</source>
        <translation>nama server tidak dikenal di jaringan</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the server refused this PC&apos;s user name or password</source>
        <translation>server menolak nama pengguna atau kata sandi PC ini</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the server has no database of this name</source>
        <translation>server tidak memiliki basis data dengan nama ini</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the connection to the server was broken</source>
        <translation>sambungan ke server terputus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the database server did not answer</source>
        <translation>server basis data tidak menjawab</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>Only an administrator may change the connection settings.</source>
        <translation>Hanya administrator yang boleh mengubah pengaturan koneksi.</translation>
    </message>
</context>
<context>
    <name>StationPage</name>
    <message>
        <location filename="../../ui/setup_wizard.py" line="-145"/>
        <source>This PC&apos;s job</source>
        <translation>Tugas PC ini</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>You can change these later; the defaults suit most desks.</source>
        <translation>Pilihan ini dapat diubah nanti; nilai bawaannya cocok untuk sebagian besar meja.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Staff sign-in (reception, consultation desk, supervisor)</source>
        <translation>Login petugas (resepsionis, meja konsultasi, supervisor)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Waiting-room display board</source>
        <translation>Papan tampilan ruang tunggu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rating kiosk of one desk</source>
        <translation>Kios penilaian untuk satu meja</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Desk </source>
        <translation>Meja </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{name} ({width}×{height})</source>
        <translation>{name} ({width}×{height})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>screen</source>
        <translation>layar</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{screen} — this PC&apos;s main screen</source>
        <translation>{screen} — layar utama PC ini</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Only one screen is connected: the rating screen opens in a window until a second monitor faces the visitor.</source>
        <translation>Hanya satu layar yang terhubung: layar penilaian dibuka dalam jendela sampai monitor kedua dipasang menghadap pengunjung.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The system&apos;s default printer</source>
        <translation>Printer bawaan sistem</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This PC runs</source>
        <translation>PC ini menjalankan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rating kiosk for</source>
        <translation>Kios penilaian untuk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Screen facing the visitor</source>
        <translation>Layar yang menghadap pengunjung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ticket printer</source>
        <translation>Printer tiket</translation>
    </message>
</context>
<context>
    <name>SupervisedWindow</name>
    <message>
        <location filename="../../ui/supervisor/window.py" line="+85"/>
        <source>&amp;Paper questionnaires… (Ctrl+K)</source>
        <translation>&amp;Kuesioner kertas… (Ctrl+K)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Today</source>
        <translation>Hari ini</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reports</source>
        <translation>Laporan</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+23"/>
        <source>Follow-ups</source>
        <translation>Tindak lanjut</translation>
    </message>
</context>
<context>
    <name>SurveyPanel</name>
    <message>
        <location filename="../../ui/visitor/survey_screen.py" line="+279"/>
        <source>Skip</source>
        <extracomment>the top edge of the four IKM answers, from the worst to the best: the rating faces&apos; colours drawn for 1920×1080 like the rating screen&apos;s own sheet, scaled with it (``SurveyPanel.fit``)</extracomment>
        <translation>Lewati</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>End the survey</source>
        <translation>Akhiri survei</translation>
    </message>
    <message>
        <location line="+109"/>
        <source>Public satisfaction survey (IKM)</source>
        <translation>Survei Kepuasan Masyarakat (IKM)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Data needs survey (SKD)</source>
        <translation>Survei Kebutuhan Data (SKD)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Tap one answer.</source>
        <translation>Sentuh salah satu jawaban.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Tap a number on each line: 1 is the lowest, 10 the highest.</source>
        <translation>Sentuh satu angka di setiap baris: 1 paling rendah, 10 paling tinggi.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>How important is this to you?</source>
        <translation>Seberapa penting hal ini bagi Anda?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How satisfied are you with it at this office?</source>
        <translation>Seberapa puas Anda dengan hal ini di kantor ini?</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Not at all</source>
        <translation>Tidak penting</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Not satisfied</source>
        <translation>Tidak puas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Very important</source>
        <translation>Sangat penting</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Very satisfied</source>
        <translation>Sangat puas</translation>
    </message>
</context>
<context>
    <name>SurveySettings</name>
    <message>
        <location filename="../../pst_desktop/admin/survey_settings.py" line="+136"/>
        <source>The nine IKM elements and their wording are set by PermenPANRB 14/2017 and cannot be changed.</source>
        <extracomment>``OfficeSetting`` key: working days a follow-up has before it is overdue</extracomment>
        <translation>Sembilan unsur IKM dan rumusannya ditetapkan oleh PermenPANRB 14/2017 dan tidak dapat diubah.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Choose which survey runs: IKM, SKD, both or none.</source>
        <translation>Pilih survei yang dijalankan: IKM, SKD, keduanya, atau tidak ada.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Choose who is asked.</source>
        <translation>Pilih siapa yang ditanya.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>One visit in N: N is a whole number from 2 to 1000.</source>
        <translation>Satu dari N kunjungan: N bilangan bulat 2 sampai 1000.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The period ends before it starts.</source>
        <translation>Periode berakhir sebelum dimulai.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>A follow-up has 1 to 30 working days.</source>
        <translation>Tindak lanjut diberi waktu 1 sampai 30 hari kerja.</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>Write the attribute in Indonesian.</source>
        <translation>Tulis atribut dalam bahasa Indonesia.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Write the attribute in English.</source>
        <translation>Tulis atribut dalam bahasa Inggris.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The order is a number from 0 up.</source>
        <translation>Urutan berupa angka mulai 0.</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>This SKD attribute does not exist.</source>
        <translation>Atribut SKD ini tidak ada.</translation>
    </message>
</context>
<context>
    <name>Surveys</name>
    <message>
        <location filename="../../pst_desktop/visitor/surveys.py" line="+244"/>
        <source>Unknown survey: choose IKM or SKD.</source>
        <translation>Survei tidak dikenal: pilih IKM atau SKD.</translation>
    </message>
    <message>
        <location line="+19"/>
        <location line="+299"/>
        <source>Unknown IKM element: the elements are U1 to U9.</source>
        <translation>Unsur IKM tidak dikenal: unsurnya U1 sampai U9.</translation>
    </message>
    <message>
        <location line="-291"/>
        <source>An IKM element has one score; an SKD attribute an importance and a satisfaction.</source>
        <translation>Unsur IKM punya satu nilai; atribut SKD punya nilai kepentingan dan nilai kepuasan.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Score each question from {low} to {high}.</source>
        <translation>Beri nilai setiap pertanyaan dari {low} sampai {high}.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>An answer once given is kept; it cannot be changed.</source>
        <translation>Jawaban yang sudah diberikan tetap disimpan; tidak dapat diubah.</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>A response on the visitor screen belongs to a visit.</source>
        <translation>Jawaban di layar pengunjung harus terkait dengan sebuah kunjungan.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>This visit has not finished yet.</source>
        <translation>Kunjungan ini belum selesai.</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>Unknown SKD attribute: it is not on the office&apos;s list.</source>
        <translation>Atribut SKD tidak dikenal: tidak ada dalam daftar kantor.</translation>
    </message>
    <message>
        <location line="+100"/>
        <source>This visit has no rating yet.</source>
        <translation>Kunjungan ini belum dinilai.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reasons are asked after a low rating only.</source>
        <translation>Alasan hanya ditanyakan setelah penilaian rendah.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>This visit does not exist.</source>
        <translation>Kunjungan ini tidak ada.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This visit already has a response to this survey.</source>
        <translation>Kunjungan ini sudah punya jawaban untuk survei ini.</translation>
    </message>
</context>
<context>
    <name>SurveysTab</name>
    <message>
        <location filename="../../ui/admin/surveys_tab.py" line="+85"/>
        <source>Survey on the visitor screens</source>
        <translation>Survei di layar pengunjung</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No survey</source>
        <translation>Tanpa survei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IKM</source>
        <translation>IKM</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SKD</source>
        <translation>SKD</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IKM and SKD</source>
        <translation>IKM dan SKD</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;From</source>
        <translation>&amp;Mulai</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Until</source>
        <translation>&amp;Sampai</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The survey runs from</source>
        <translation>Survei berjalan mulai</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The survey runs until</source>
        <translation>Survei berjalan sampai</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Every finished visit</source>
        <translation>Setiap kunjungan selesai</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One visit in N</source>
        <translation>Satu dari N kunjungan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Visitors not asked yet this year</source>
        <translation>Pengunjung yang belum ditanya tahun ini</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Save survey settings</source>
        <translation>Simpan &amp;pengaturan survei</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sur&amp;vey</source>
        <translation>Sur&amp;vei</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Period</source>
        <translation>Periode</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Who is asked</source>
        <translation>&amp;Yang ditanya</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;N =</source>
        <translation>&amp;N =</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Follow-up &amp;due in (working days)</source>
        <translation>&amp;Batas tindak lanjut (hari kerja)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>A low rating, a comment or a need not met opens a follow-up, due after this many working days (weekends, holidays and cuti bersama skipped).</source>
        <translation>Penilaian rendah, komentar, atau kebutuhan yang tidak terpenuhi membuka tindak lanjut dengan batas sebanyak hari kerja ini (akhir pekan, hari libur, dan cuti bersama tidak dihitung).</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>IKM elements (PermenPANRB 14/2017)</source>
        <translation>Unsur IKM (PermenPANRB 14/2017)</translation>
    </message>
    <message>
        <location line="+26"/>
        <location line="+13"/>
        <source>SKD attributes</source>
        <translation>Atribut SKD</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Indonesian</source>
        <translation>Bahasa Indonesia</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>English</source>
        <translation>Bahasa Inggris</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The attribute as the form says it</source>
        <translation>Atribut seperti tertulis di kuesioner</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The same in English</source>
        <translation>Sama, dalam bahasa Inggris</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Add as new</source>
        <translation>&amp;Tambah baru</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save &amp;changes</source>
        <translation>Simpan pe&amp;rubahan</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move u&amp;p</source>
        <translation>N&amp;aik</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move do&amp;wn</source>
        <translation>T&amp;urun</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Retire</source>
        <translation>&amp;Hentikan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No longer asked; its answers stay in the reports</source>
        <translation>Tidak ditanyakan lagi; jawabannya tetap ada di laporan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ask ag&amp;ain</source>
        <translation>Tanya&amp;kan lagi</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Indonesian</source>
        <translation>Bahasa &amp;Indonesia</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;English</source>
        <translation>Bahasa In&amp;ggris</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>asked</source>
        <translation>ditanyakan</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>retired</source>
        <translation>dihentikan</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>The survey settings are saved; the visitor screens follow them.</source>
        <translation>Pengaturan survei sudah disimpan; layar pengunjung mengikutinya.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Select an attribute in the list first.</source>
        <translation>Pilih dulu atribut di daftar.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The attribute is added; it is asked last.</source>
        <translation>Atribut sudah ditambahkan; ditanyakan paling akhir.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The attribute&apos;s wording is saved.</source>
        <translation>Kalimat atribut sudah disimpan.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>The order is saved.</source>
        <translation>Urutan sudah disimpan.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The attribute is asked again.</source>
        <translation>Atribut ditanyakan lagi.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The attribute is no longer asked; its answers stay in the reports.</source>
        <translation>Atribut tidak ditanyakan lagi; jawabannya tetap ada di laporan.</translation>
    </message>
</context>
<context>
    <name>Text</name>
    <message>
        <location filename="../../pst_desktop/core/text.py" line="+53"/>
        <source>At most {limit} characters here.</source>
        <translation>Paling banyak {limit} karakter di sini.</translation>
    </message>
</context>
<context>
    <name>TicketLabels</name>
    <message>
        <location filename="../../pst_desktop/frontdesk/ticket_pdf.py" line="+147"/>
        <source>Integrated Statistical Services (PST)</source>
        <extracomment>Indonesia&apos;s three time zones by their usual names (tzdata agrees, but not every build) a priority ticket: a symbol under the number, never the reason</extracomment>
        <translation>Pelayanan Statistik Terpadu (PST)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Queue Number</source>
        <translation>Nomor Antrian</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service</source>
        <translation>Layanan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>People ahead of you</source>
        <translation>Antrian di depan Anda</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Estimated waiting time</source>
        <translation>Perkiraan waktu tunggu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>min</source>
        <translation>menit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Soon</source>
        <translation>Segera</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keep this ticket until your number is called.</source>
        <translation>Simpan tiket ini sampai nomor Anda dipanggil.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service hours</source>
        <translation>Jam layanan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your personal data is kept confidential and used only to serve you.</source>
        <translation>Data pribadi Anda dijaga kerahasiaannya dan hanya digunakan untuk pelayanan.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Queue ticket</source>
        <translation>Tiket antrian</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Priority service</source>
        <translation>Layanan prioritas</translation>
    </message>
</context>
<context>
    <name>Tickets</name>
    <message>
        <location line="+49"/>
        <source>This visit has no queue ticket.</source>
        <translation>Kunjungan ini tidak punya nomor antrian.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This ticket was cancelled; it cannot be printed again.</source>
        <translation>Tiket ini sudah dibatalkan; tidak dapat dicetak ulang.</translation>
    </message>
</context>
<context>
    <name>TransferDialog</name>
    <message>
        <location filename="../../ui/officer/transfer_dialog.py" line="+44"/>
        <source>Transfer ticket {code}</source>
        <translation>Alihkan nomor {code}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Where should {code} go?</source>
        <translation>Ke mana {code} dialihkan?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>It keeps its number and its place in the queue.</source>
        <translation>Nomor dan urutannya dalam antrian tetap.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Transfer to</source>
        <translation>Alihkan ke</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a service or desk…</source>
        <translation>Pilih layanan atau meja…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Service: {name}</source>
        <translation>Layanan: {name}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Desk: {name}</source>
        <translation>Meja: {name}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Transfer</source>
        <translation>Alihkan</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Keep it</source>
        <translation>Jangan dialihkan</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;To</source>
        <translation>&amp;Ke</translation>
    </message>
</context>
<context>
    <name>VisitServices</name>
    <message>
        <location filename="../../pst_desktop/visits/visit_services.py" line="+63"/>
        <source>A visit can carry at most {count} services.</source>
        <extracomment>at most this many services on one ticket (the office has four; a slip of a finger adds none)</extracomment>
        <translation>Satu kunjungan paling banyak {count} layanan.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Choose active services.</source>
        <translation>Pilih layanan yang aktif.</translation>
    </message>
</context>
<context>
    <name>VisitorFormWidget</name>
    <message>
        <location filename="../../ui/reception/visitor_form.py" line="+99"/>
        <source>— choose —</source>
        <extracomment>the SKD lists shown as choices: field name -&gt; catalog list the tab order: the order of the paper form</extracomment>
        <translation>— pilih —</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>As on the identity card</source>
        <translation>Sesuai KTP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>name@example.com</source>
        <translation>nama@example.com</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>0812…</source>
        <translation>0812…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>e.g. 1990</source>
        <translation>mis. 1990</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Which occupation?</source>
        <translation>Sebutkan pekerjaannya</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>e.g. Universitas Bengkulu</source>
        <translation>mis. Universitas Bengkulu</translation>
    </message>
    <message>
        <source>The visitor agrees that the PST records and uses this data (UU 27/2022)</source>
        <translation type="vanished">Pengunjung menyetujui pencatatan dan penggunaan data ini oleh PST (UU 27/2022)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Visitor agrees to the use of this data (UU 27/2022)</source>
        <translation>Pengunjung setuju data ini digunakan (UU 27/2022)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Personal data protection law UU 27/2022: the visitor agrees that the PST records this data and uses it for the service and its statistics.</source>
        <translation>UU Pelindungan Data Pribadi No. 27/2022: pengunjung menyetujui PST mencatat data ini dan menggunakannya untuk pelayanan serta statistiknya.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Name</source>
        <translation>&amp;Nama</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;E-mail</source>
        <translation>&amp;Email</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P&amp;hone</source>
        <translation>&amp;Telepon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Gender</source>
        <translation>Jenis &amp;kelamin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Birth &amp;year</source>
        <translation>Tahun la&amp;hir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ed&amp;ucation</source>
        <translation>Pen&amp;didikan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Occupation</source>
        <translation>&amp;Pekerjaan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other occupation</source>
        <translation>Pekerjaan lainnya</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Institution &amp;category</source>
        <translation>Kategori &amp;instansi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ins&amp;titution name</source>
        <translation>Nama inst&amp;ansi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Disa&amp;bility</source>
        <translation>Di&amp;sabilitas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Purpose of visit</source>
        <translation>T&amp;ujuan kunjungan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Service wanted</source>
        <translation>&amp;Layanan yang dibutuhkan</translation>
    </message>
    <message>
        <location line="+145"/>
        <source>{service} (no desk serves it now)</source>
        <translation>{service} (belum ada meja yang melayani)</translation>
    </message>
</context>
<context>
    <name>WaitingScreen</name>
    <message>
        <location filename="../../ui/waiting_screen.py" line="+33"/>
        <source>PST Desktop — Waiting for the database server</source>
        <translation>PST Desktop — Menunggu server basis data</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>PST Desktop</source>
        <translation>PST Desktop</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+46"/>
        <source>Server: {server}</source>
        <translation>Server: {server}</translation>
    </message>
    <message>
        <location line="-33"/>
        <source>Try now</source>
        <translation>Coba sekarang</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connection settings…</source>
        <translation>Pengaturan koneksi…</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>The database server refused this PC&apos;s user name or password.</source>
        <translation>Server basis data menolak nama pengguna atau kata sandi PC ini.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The database server has no database of this name.</source>
        <translation>Server basis data tidak memiliki basis data dengan nama ini.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The database was upgraded by a newer PST Desktop: install that version on this PC.</source>
        <translation>Basis data telah ditingkatkan oleh PST Desktop yang lebih baru: pasang versi itu di PC ini.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The database address in this PC&apos;s settings cannot be used.</source>
        <translation>Alamat basis data di pengaturan PC ini tidak dapat dipakai.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The database cannot be used by this PC.</source>
        <translation>Basis data tidak dapat dipakai oleh PC ini.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Trying again now…</source>
        <translation>Mencoba lagi sekarang…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Change the connection settings, or ask the office IT administrator. Trying again in {seconds} s.</source>
        <translation>Ubah pengaturan koneksi, atau tanyakan kepada administrator TI kantor. Mencoba lagi dalam {seconds} detik.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Waiting for the database server… connecting</source>
        <translation>Menunggu server basis data… menghubungkan</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Waiting for the database server… retrying in {seconds} s</source>
        <translation>Menunggu server basis data… mencoba lagi dalam {seconds} detik</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This station carries on by itself as soon as the server answers. If this lasts, check the network cable and whether the server is switched on.</source>
        <translation>Stasiun ini akan lanjut sendiri begitu server menjawab. Jika berlangsung lama, periksa kabel jaringan dan apakah server menyala.</translation>
    </message>
</context>
<context>
    <name>WherePage</name>
    <message>
        <location filename="../../ui/setup_wizard.py" line="-366"/>
        <source>Where does this PC keep the data?</source>
        <translation>Di mana PC ini menyimpan data?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose once; the office IT administrator can change it later in the settings.</source>
        <translation>Pilih sekali saja; admin TI kantor dapat mengubahnya nanti di pengaturan.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This PC only</source>
        <translation>Hanya PC ini</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The guest book and the queue are kept on this PC. Nothing to set up: press Finish (or Enter) to start. Right for an office with one PST computer.</source>
        <translation>Buku tamu dan antrian disimpan di PC ini. Tidak ada yang perlu disiapkan: tekan Selesai (atau Enter) untuk memulai. Cocok untuk kantor dengan satu komputer PST.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Connect to the office server</source>
        <translation>Hubungkan ke server kantor</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Several PCs (front desk, consultation desks, display board) share one PostgreSQL database on the office network. You need the server&apos;s address, the database name, a user and its password.</source>
        <translation>Beberapa PC (meja depan, meja konsultasi, papan tampilan) memakai satu basis data PostgreSQL di jaringan kantor. Anda memerlukan alamat server, nama basis data, nama pengguna, dan kata sandinya.</translation>
    </message>
</context>
</TS>
