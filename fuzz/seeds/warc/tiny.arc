filedesc://x.arc 0.0.0.0 20240101000000 text/plain 4
1 0 

http://a/ 1.2.3.4 20240101000000 text/html 25
HTTP/1.0 200 OK

<html>
